/**
 * Collects a byte stream but keeps at most `limit` bytes: the first ones (`"head"`, for diffs
 * read from the top) or the last ones (`"tail"`, for a failing command's last words).
 * `total` counts every byte seen, so callers can say how much was dropped.
 */
export class _BoundedBuffer {
  #chunks: Uint8Array[] = [];
  #kept = 0;
  total = 0;

  constructor(readonly limit: number, readonly keep: "head" | "tail") {}

  push(chunk: Uint8Array): void {
    this.total += chunk.length;
    if (this.keep === "head") {
      const room = this.limit - this.#kept;
      if (room <= 0) return;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      this.#chunks.push(part);
      this.#kept += part.length;
      return;
    }
    this.#chunks.push(chunk);
    this.#kept += chunk.length;
    while (this.#kept - (this.#chunks[0]?.length ?? 0) >= this.limit && this.#chunks.length > 1) {
      this.#kept -= this.#chunks.shift()?.length ?? 0;
    }
  }

  /** The kept bytes, trimmed to `limit`. */
  bytes(): Uint8Array {
    const all = new Uint8Array(this.#kept);
    let at = 0;
    for (const chunk of this.#chunks) {
      all.set(chunk, at);
      at += chunk.length;
    }
    return this.keep === "tail" && all.length > this.limit
      ? all.subarray(all.length - this.limit)
      : all;
  }

  /** Whether bytes were dropped. */
  get truncated(): boolean {
    return this.total > this.limit;
  }
}
