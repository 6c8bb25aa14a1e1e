import { containsSecret, type RedactOptions } from "../../redact/mod.ts";
import { SpaceIdSchema, WIRE_LIMITS, type WireTriplet } from "../wire.ts";

/**
 * A memory the engine offers to share: already sanitised (both passes, DESIGN §6.6). The client
 * checks it again and refuses it rather than send anything doubtful.
 */
export interface RemoteTriplet {
  /** The sanitised intent; omitted or "" to share only the experience. */
  readonly intent?: string;
  /** The sanitised experience: a transferable strategy. */
  readonly experience: string;
  readonly embedding: ArrayLike<number>;
  /** The embedding-space id of `embedding`. */
  readonly space: string;
  /** The local Q value, in [−1, 1]. */
  readonly q: number;
}

/** A triplet ready for the wire, or why it stays home. */
export type OutgoingTriplet =
  | { readonly ok: true; readonly triplet: WireTriplet }
  | { readonly ok: false; readonly reason: string };

/** A float32 in its shortest decimal form (7 significant digits). */
const compact = (x: number) => Number(Math.fround(x).toPrecision(7));

/** Cuts at a word boundary when one is near, and marks the cut. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const hard = text.slice(0, max - 1);
  const space = hard.lastIndexOf(" ");
  return `${space > max * 0.8 ? hard.slice(0, space) : hard}…`;
}

/**
 * The last gate before a memory leaves the machine. Refuses a triplet whose intent or
 * experience still contains anything `containsSecret` recognises (API keys, tokens, passwords,
 * private keys, e-mail addresses, phone numbers, IPs, home paths, …) — it refuses, it does not
 * redact: text that reaches here unredacted means a sanitising pass was skipped, and sharing a
 * half-cleaned text is worse than sharing nothing. Also refuses a bad space id, an embedding
 * of the wrong size or with non-finite values, and a Q outside [−1, 1]. Texts longer than the
 * API allows are cut at a word (the cut text is checked, not the original).
 *
 * @example
 * ```ts
 * prepareTriplet({ experience: "retry with --prefix [REDACTED_PATH]/.npm", embedding, space, q: 0.4 });
 * // { ok: true, triplet: {...} }
 * prepareTriplet({ experience: "use token ghp_…", embedding, space, q: 0.4 });
 * // { ok: false, reason: "the experience contains a secret or personal data" }
 * ```
 */
export function prepareTriplet(
  triplet: RemoteTriplet,
  options: RedactOptions = {},
): OutgoingTriplet {
  if (typeof triplet.experience !== "string" || triplet.experience.trim() === "") {
    return { ok: false, reason: "the experience is empty" };
  }
  const experience = cut(
    triplet.experience.replaceAll("\u0000", ""),
    WIRE_LIMITS.maxExperienceChars,
  );
  const intent = cut((triplet.intent ?? "").replaceAll("\u0000", ""), WIRE_LIMITS.maxIntentChars);
  if (containsSecret(experience, options)) {
    return { ok: false, reason: "the experience contains a secret or personal data" };
  }
  if (intent !== "" && containsSecret(intent, options)) {
    return { ok: false, reason: "the intent contains a secret or personal data" };
  }
  if (!SpaceIdSchema.safeParse(triplet.space).success) {
    return { ok: false, reason: `not an embedding-space id: ${JSON.stringify(triplet.space)}` };
  }
  const n = triplet.embedding.length;
  if (n < WIRE_LIMITS.minDims || n > WIRE_LIMITS.maxDims) {
    return { ok: false, reason: `the embedding has ${n} dimensions` };
  }
  const embedding = Array.from(triplet.embedding, compact);
  if (!embedding.every(Number.isFinite)) {
    return { ok: false, reason: "the embedding has non-finite values" };
  }
  if (!(triplet.q >= -1 && triplet.q <= 1)) {
    return { ok: false, reason: `Q must be in [-1, 1], got ${triplet.q}` };
  }
  return {
    ok: true,
    triplet: {
      ...(intent !== "" ? { intent } : {}),
      experience,
      embedding,
      space: triplet.space,
      q: triplet.q,
    },
  };
}
