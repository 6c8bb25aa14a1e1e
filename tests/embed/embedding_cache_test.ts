import { appendFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cachedEmbedder, type Embedder, EmbeddingCache } from "../../src/embed/mod.ts";
import { tempDir } from "../_helpers/cli.ts";

const WRITER = fileURLToPath(new URL("./_cache_writer.ts", import.meta.url));

function countingEmbedder(space = "test:space:4"): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    space,
    dims: 4,
    calls,
    embed(texts) {
      calls.push([...texts]);
      return Promise.resolve(texts.map((t) => Float32Array.of(t.length, 1, 0, 0)));
    },
  };
}

describe("the embedding cache", () => {
  it("serves texts seen before from disk, across instances, in input order", async () => {
    const path = join(tempDir(), "embeddings-cache.json");
    const inner = countingEmbedder();
    const first = cachedEmbedder(inner, new EmbeddingCache(path));
    await first.embed(["a", "bb", "a"]);
    expect(inner.calls).toEqual([["a", "bb", "a"]]);
    const second = cachedEmbedder(inner, new EmbeddingCache(path));
    const vectors = await second.embed(["ccc", "bb", "a"]);
    expect(inner.calls[1]).toEqual(["ccc"]);
    expect(vectors.map((v) => v[0])).toEqual([3, 2, 1]);
  });

  it("keeps spaces apart: another model never gets this model's vectors", async () => {
    const path = join(tempDir(), "embeddings-cache.json");
    await cachedEmbedder(countingEmbedder("model-a:4"), new EmbeddingCache(path)).embed(["x"]);
    const other = countingEmbedder("model-b:4");
    await cachedEmbedder(other, new EmbeddingCache(path)).embed(["x"]);
    expect(other.calls).toEqual([["x"]]);
  });

  it("ignores bytes a crashed writer appended without indexing them", async () => {
    const dir = tempDir();
    const path = join(dir, "embeddings-cache.json");
    const cache = new EmbeddingCache(path);
    await cache.put("s:4", 4, [{ text: "one", vector: Float32Array.of(1, 2, 3, 4) }]);
    appendFileSync(join(dir, "embeddings-cache.1.bin"), new Uint8Array([9, 9, 9]));
    await cache.put("s:4", 4, [{ text: "two", vector: Float32Array.of(5, 6, 7, 8) }]);
    const [one, two] = await cache.get("s:4", ["one", "two"]);
    expect(Array.from(one as Float32Array)).toEqual([1, 2, 3, 4]);
    expect(Array.from(two as Float32Array)).toEqual([5, 6, 7, 8]);
  });

  it("loses nothing when two processes write at once", async () => {
    const dir = tempDir();
    const path = join(dir, "embeddings-cache.json");
    const runs = ["p", "q"].map((prefix) =>
      new Deno.Command(Deno.execPath(), {
        args: ["run", "--quiet", "-A", WRITER, path, prefix, "150"],
        stderr: "piped",
      }).output()
    );
    for (const out of await Promise.all(runs)) expect(out.code).toBe(0);
    const texts = ["p", "q"].flatMap((p) => Array.from({ length: 150 }, (_, i) => `${p}-${i}`));
    const vectors = await new EmbeddingCache(path).get("test:space:4", texts);
    expect(vectors.every((v) => v !== undefined)).toBe(true);
    expect(vectors.map((v) => v?.[0])).toEqual([...Array(150).keys(), ...Array(150).keys()]);
    expect(readdirSync(dir).filter((n) => n.endsWith(".bin"))).toHaveLength(1);
  });
});
