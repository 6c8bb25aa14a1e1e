/** Hash namespace: changing how ids are derived must change this, so old and new ids never meet. */
const NAMESPACE = "lshml.cluster.v1";
const ID_PREFIX = "c";
/** 11 base-36 digits hold every 53-bit value, so ids have a fixed width and sort stably. */
const ID_DIGITS = 11;

/**
 * The id of a new cluster: a 53-bit hash (cyrb53, public domain) of its first template, so that
 * the same first template gets the same id in every run and on every machine, whatever else
 * arrived before it. `taken` resolves the (astronomically rare) collision deterministically by
 * appending `.1`, `.2`, … to the hashed id.
 */
export function clusterIdFor(tokens: readonly string[], taken: (id: string) => boolean): string {
  const base = ID_PREFIX + cyrb53(`${NAMESPACE}\u0000${tokens.join("\u0000")}`)
    .toString(36)
    .padStart(ID_DIGITS, "0");
  let id = base;
  for (let suffix = 1; taken(id); suffix++) id = `${base}.${suffix}`;
  return id;
}

function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
