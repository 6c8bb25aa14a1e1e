/**
 * Scales a vector to unit length in place and returns it (a zero vector stays zero), so
 * that the dot product of two normalised vectors is their cosine similarity.
 */
export function normalizeInPlace(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const x of vector) sum += x * x;
  if (sum === 0) return vector;
  const scale = 1 / Math.sqrt(sum);
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] as number) * scale;
  return vector;
}

/** Checks a provider's answer: one vector per text, all of the same length, all finite. */
export function toVectors(
  raw: readonly (readonly number[])[],
  expected: number,
  who: string,
): Float32Array[] {
  if (raw.length !== expected) {
    throw new RangeError(`${who} returned ${raw.length} embeddings for ${expected} texts`);
  }
  const dims = raw[0]?.length ?? 0;
  return raw.map((values) => {
    if (values.length !== dims || dims === 0 || !values.every(Number.isFinite)) {
      throw new RangeError(`${who} returned a malformed embedding`);
    }
    return normalizeInPlace(Float32Array.from(values));
  });
}

/** Runs `embed` over `texts` in slices of at most `size`, keeping input order. */
export async function inBatches(
  texts: readonly string[],
  size: number,
  embed: (batch: readonly string[]) => Promise<Float32Array[]>,
): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += size) out.push(...await embed(texts.slice(i, i + size)));
  return out;
}
