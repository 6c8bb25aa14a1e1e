import { createHash } from "node:crypto";
import { open, readFile, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { z } from "zod";
import { defineVersionedFile, readVersioned, withLock, writeVersioned } from "../store/mod.ts";

/**
 * A persistent embedding cache, safe to share between processes: vectors are
 * keyed by embedding space and a hash of the text, so a changed model never
 * serves stale vectors, and re-embedding from text after a model change costs
 * nothing for texts seen before.
 *
 * Layout: `embeddings-cache.json` (the index, written atomically) and a binary
 * sidecar `embeddings-cache.<generation>.bin` of little-endian float32 vectors,
 * appended and fsynced before the index that points into it is written. A
 * crash can only leave unreferenced bytes at the sidecar's end; the next writer
 * cuts them off. When more than half the sidecar is evicted entries, it is
 * rewritten as a new generation, so a reader holding the old index still reads
 * the old file (or misses, never a wrong vector).
 */

/** Most entries kept per space; the oldest go first beyond it. */
export const MAX_ENTRIES_PER_SPACE = 100_000;

const SpaceIndex = z.object({
  dims: z.number().int().positive(),
  /** text hash → byte offset in the sidecar; insertion order is age order */
  entries: z.record(z.string(), z.number().int().nonnegative()),
});

const CacheIndex = z.object({
  version: z.literal(1),
  /** Sidecar file name (in the same folder). */
  bin: z.string(),
  /** Bytes of the sidecar the index vouches for. */
  binBytes: z.number().int().nonnegative(),
  spaces: z.record(z.string(), SpaceIndex),
});

type CacheIndex = z.infer<typeof CacheIndex>;

const CacheIndexFile = defineVersionedFile({
  name: "embedding cache index",
  version: 1,
  schema: CacheIndex,
  pretty: false,
  empty: (): CacheIndex => ({ version: 1, bin: "embeddings-cache.1.bin", binBytes: 0, spaces: {} }),
});

/** The key of a text: 128 bits of its SHA-256, hex. */
export function textKey(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

function liveBytes(index: CacheIndex): number {
  let bytes = 0;
  for (const space of Object.values(index.spaces)) {
    bytes += Object.keys(space.entries).length * space.dims * 4;
  }
  return bytes;
}

/** A cache file pair at `indexPath` (e.g. `memory/embeddings-cache.json`). */
export class EmbeddingCache {
  readonly #indexPath: string;
  readonly #now: () => Date;

  constructor(indexPath: string, now: () => Date = () => new Date()) {
    this.#indexPath = indexPath;
    this.#now = now;
  }

  #binPath(index: CacheIndex): string {
    return join(dirname(this.#indexPath), basename(index.bin));
  }

  async #index(holdingLock: boolean): Promise<CacheIndex> {
    return (await readVersioned(this.#indexPath, CacheIndexFile, { now: this.#now, holdingLock }))
      .value;
  }

  /** Cached vectors for `texts` in `space`; `undefined` where there is none. */
  async get(space: string, texts: readonly string[]): Promise<(Float32Array | undefined)[]> {
    const index = await this.#index(false);
    const entry = index.spaces[space];
    if (!entry) return texts.map(() => undefined);
    let handle;
    try {
      handle = await open(this.#binPath(index), "r");
    } catch (error) {
      // Compacted away since the index was read: a miss, never a wrong vector.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return texts.map(() => undefined);
      throw error;
    }
    try {
      const out: (Float32Array | undefined)[] = [];
      for (const text of texts) {
        const offset = entry.entries[textKey(text)];
        if (offset === undefined || offset + entry.dims * 4 > index.binBytes) {
          out.push(undefined);
          continue;
        }
        const bytes = new Uint8Array(entry.dims * 4);
        const { bytesRead } = await handle.read(bytes, 0, bytes.length, offset);
        out.push(bytesRead === bytes.length ? new Float32Array(bytes.buffer) : undefined);
      }
      return out;
    } finally {
      await handle.close();
    }
  }

  /** Stores vectors of `space` (all of length `dims`) under their texts. */
  async put(space: string, dims: number, items: readonly { text: string; vector: Float32Array }[]) {
    if (items.length === 0) return;
    for (const item of items) {
      if (item.vector.length !== dims) {
        throw new RangeError(`vector of ${item.vector.length} != ${dims} dims`);
      }
    }
    await withLock(`${this.#indexPath}.lock`, async () => {
      const index = await this.#index(true);
      const entry = index.spaces[space] ?? { dims, entries: {} };
      if (entry.dims !== dims) {
        throw new RangeError(`space ${space} has ${entry.dims} dims, not ${dims}`);
      }
      const seen = new Set(Object.keys(entry.entries));
      const fresh = items.filter((item) => {
        const key = textKey(item.text);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      const handle = await open(this.#binPath(index), "a+");
      try {
        // Bytes past binBytes were appended by a writer that died before its index write.
        if ((await handle.stat()).size > index.binBytes) await handle.truncate(index.binBytes);
        const buffer = new Uint8Array(fresh.length * dims * 4);
        fresh.forEach((item, i) =>
          buffer.set(
            new Uint8Array(item.vector.buffer, item.vector.byteOffset, dims * 4),
            i * dims * 4,
          )
        );
        await handle.write(buffer);
        await handle.sync();
      } finally {
        await handle.close();
      }
      fresh.forEach((item, i) => {
        entry.entries[textKey(item.text)] = index.binBytes + i * dims * 4;
      });
      index.binBytes += fresh.length * dims * 4;
      const keys = Object.keys(entry.entries);
      for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES_PER_SPACE))) {
        delete entry.entries[old];
      }
      index.spaces[space] = entry;
      await writeVersioned(this.#indexPath, CacheIndexFile, index);
      if (index.binBytes > 1 << 20 && liveBytes(index) * 2 < index.binBytes) {
        await this.#compact(index);
      }
    });
  }

  /** Rewrites the live vectors into the next generation's sidecar. */
  async #compact(index: CacheIndex): Promise<void> {
    const oldPath = this.#binPath(index);
    const generation = Number(/\.(\d+)\.bin$/.exec(index.bin)?.[1] ?? "1") + 1;
    const next: CacheIndex = {
      ...index,
      bin: `embeddings-cache.${generation}.bin`,
      binBytes: 0,
      spaces: {},
    };
    const old = await readFile(oldPath);
    const parts: Uint8Array[] = [];
    for (const [space, entry] of Object.entries(index.spaces)) {
      const entries: Record<string, number> = {};
      for (const [key, offset] of Object.entries(entry.entries)) {
        parts.push(old.subarray(offset, offset + entry.dims * 4));
        entries[key] = next.binBytes;
        next.binBytes += entry.dims * 4;
      }
      next.spaces[space] = { dims: entry.dims, entries };
    }
    const handle = await open(this.#binPath(next), "w");
    try {
      for (const part of parts) await handle.write(part);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await writeVersioned(this.#indexPath, CacheIndexFile, next);
    await unlink(oldPath).catch(() => undefined);
  }

  /** Entries per space, and the sidecar's size: for `lshml doctor`. */
  async stats(): Promise<{ spaces: Record<string, number>; binBytes: number }> {
    const index = await this.#index(false);
    const spaces = Object.fromEntries(
      Object.entries(index.spaces).map((
        [space, entry],
      ) => [space, Object.keys(entry.entries).length]),
    );
    const size = await stat(this.#binPath(index)).then((s) => s.size, () => 0);
    return { spaces, binBytes: size };
  }
}
