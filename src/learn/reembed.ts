import type { Embedder } from "../embed/mod.ts";
import { predictorExample } from "./predictor.ts";
import type { Predictor } from "./predictor_file.ts";

/**
 * Moves the predictor into the embedder's space: every example of another space is re-embedded
 * from its `text` (each distinct text once) and the predictor's space becomes the embedder's.
 * Examples already in that space are kept as they are; the training history is kept. Until this
 * runs, `predict` ignores examples of other spaces — vectors of two spaces are never compared.
 *
 * @example
 * ```ts
 * if (predictor.space !== embedder.space) predictor = await reembed(predictor, embedder);
 * ```
 */
export async function reembed(predictor: Predictor, embedder: Embedder): Promise<Predictor> {
  const stale = predictor.examples.filter((e) => e.space !== embedder.space);
  const texts = [...new Set(stale.map((e) => e.text))];
  const vectors = texts.length === 0 ? [] : await embedder.embed(texts);
  const byText = new Map(texts.map((text, i) => [text, vectors[i]]));
  const examples = predictor.examples.map((example) => {
    if (example.space === embedder.space) return example;
    const vector = byText.get(example.text);
    if (vector === undefined) throw new RangeError(`${embedder.space} returned too few vectors`);
    return predictorExample({ ...example, space: embedder.space, vector });
  });
  return { ...predictor, space: embedder.space, examples };
}
