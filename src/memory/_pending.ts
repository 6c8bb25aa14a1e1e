import type { Embedder } from "../embed/mod.ts";
import type { PendingMemory } from "./_decide_add.ts";
import { embedAll } from "./_embedding_policy.ts";
import type { AddInput } from "./episodic_memory_types.ts";

/**
 * Turns `add` inputs into memories with vectors in `embedder`'s space: an input's own vector is
 * used when it was made in that space (its `space`, else `claimed`: the space current when
 * `add` was called), otherwise the intent is embedded here.
 *
 * @throws {RangeError} when a given vector does not have the space's dimension count.
 */
export async function resolvePending(
  inputs: readonly AddInput[],
  options: { readonly claimed: string; readonly embedder: Embedder; readonly qInit: number },
): Promise<PendingMemory[]> {
  const { embedder } = options;
  const needs = inputs.filter((input) =>
    input.vector === undefined || (input.space ?? options.claimed) !== embedder.space
  );
  const embedded = needs.length === 0 ? [] : await embedAll(embedder, needs.map((i) => i.intent));
  const vectorOf = new Map(needs.map((input, i) => [input, embedded[i]!]));
  return inputs.map((input) => {
    const vector = vectorOf.get(input) ?? input.vector!;
    if (vector.length !== embedder.dims) {
      throw new RangeError(
        `vector has ${vector.length} dimensions, ${embedder.space} has ${embedder.dims}`,
      );
    }
    return {
      id: input.id ?? crypto.randomUUID(),
      intent: input.intent,
      experience: input.experience,
      space: embedder.space,
      vector,
      q: input.q ?? options.qInit,
      origin: input.origin ?? "local",
      ...(input.refines ? { refines: input.refines } : {}),
    };
  });
}
