/**
 * The per-triplet checks of an ingest that need no database (private to the hub): secrets,
 * vector sanity. What passes is normalised to unit length, so the index's dot product is the
 * cosine similarity.
 */
import { normalizeInPlace } from "../../embed/mod.ts";
import { containsSecret } from "../../redact/mod.ts";
import type { WireTriplet } from "../wire.ts";

/** A triplet that passed the checks, with its unit vector. */
export interface CheckedTriplet {
  readonly at: number;
  readonly triplet: WireTriplet;
  readonly vector: Float32Array;
}

/** Why a triplet is refused before it reaches the database, or `undefined` if it passes. */
export function refusal(triplet: WireTriplet): string | undefined {
  // Defence in depth: clients redact before sending, and refuse what still holds a secret; a
  // client that does not is refused here too, and nothing of the text is echoed back.
  if (containsSecret(triplet.experience) || containsSecret(triplet.intent ?? "")) {
    return "the text contains what looks like a secret or personal data; redact it first";
  }
  if (triplet.experience.trim() === "") return "the experience is empty";
  return undefined;
}

/**
 * The unit vector of `values`, or `undefined` when it has no direction (all zeros) or does not
 * fit float32 (a value beyond ±3.4e38).
 */
export function unitVector(values: readonly number[]): Float32Array | undefined {
  const vector = Float32Array.from(values);
  if (!vector.every(Number.isFinite) || vector.every((x) => x === 0)) return undefined;
  return normalizeInPlace(vector);
}

/** Splits an ingest into refusals (by position) and triplets worth a transaction. */
export function checkTriplets(
  triplets: readonly WireTriplet[],
): { refused: Map<number, string>; checked: CheckedTriplet[] } {
  const refused = new Map<number, string>();
  const checked: CheckedTriplet[] = [];
  triplets.forEach((triplet, at) => {
    const reason = refusal(triplet);
    const vector = reason ? undefined : unitVector(triplet.embedding);
    if (reason) refused.set(at, reason);
    else if (!vector) refused.set(at, "the embedding is a zero vector or out of float32 range");
    else checked.push({ at, triplet, vector });
  });
  return { refused, checked };
}
