/** Test helper process: puts `count` vectors named `<prefix>-<i>` into a cache, one by one. */
import { EmbeddingCache } from "../../src/embed/mod.ts";

const [path, prefix, countText] = Deno.args;
if (!path || !prefix || !countText) {
  throw new TypeError("usage: _cache_writer.ts PATH PREFIX COUNT");
}
const cache = new EmbeddingCache(path);
for (let i = 0; i < Number(countText); i++) {
  await cache.put("test:space:4", 4, [{
    text: `${prefix}-${i}`,
    vector: Float32Array.of(i, 1, 2, 3),
  }]);
}
