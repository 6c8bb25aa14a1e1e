import { dot } from "../embed/mod.ts";
import { instantiateSimdScan, type SimdScan } from "./_simd_scan.ts";

/**
 * Rows of `width` float32 values that can all be scored against one query at once: the coarse
 * sketches of a vector index. Backed by the WebAssembly SIMD kernel where available, else by
 * a Float32Array and `dot`. Rows are addressed 0..capacity−1; the caller tracks which are used.
 */
export interface SketchMatrix {
  readonly width: number;
  /** Makes room for at least `capacity` rows, keeping the existing ones. */
  reserve(capacity: number): void;
  /** Overwrites row `row` with `values` (length `width`). */
  write(row: number, values: Float32Array): void;
  /** Overwrites rows from `row` on with `values` (whole rows back to back). */
  writeBlock(row: number, values: Float32Array): void;
  /** A copy of row `row`. */
  read(row: number): Float32Array;
  /** Copies row `from` over row `to`. */
  move(from: number, to: number): void;
  /** Scores of rows 0..count−1 against `query`; valid until the next call on this matrix. */
  scan(query: Float32Array, count: number): Float32Array;
}

const PAGE = 65_536;

class WasmSketchMatrix implements SketchMatrix {
  #capacity = 0;
  readonly #rowsAt: number;
  readonly #kernel: SimdScan;

  readonly width: number;

  constructor(width: number, kernel: SimdScan) {
    this.width = width;
    this.#kernel = kernel;
    this.#rowsAt = Math.ceil((width * 4) / 64) * 64; // the query sits at 0, rows after it
  }

  get #floats(): Float32Array {
    return new Float32Array(this.#kernel.memory.buffer); // views detach when memory grows
  }

  get #scoresAt(): number {
    return this.#rowsAt + this.#capacity * this.width * 4;
  }

  reserve(capacity: number): void {
    if (capacity <= this.#capacity) return;
    const next = Math.max(capacity, Math.ceil(this.#capacity * 1.5), 64);
    const bytes = this.#rowsAt + next * (this.width + 1) * 4;
    const have = this.#kernel.memory.buffer.byteLength;
    if (bytes > have) this.#kernel.memory.grow(Math.ceil((bytes - have) / PAGE));
    this.#capacity = next;
  }

  write(row: number, values: Float32Array): void {
    this.#floats.set(values, this.#rowsAt / 4 + row * this.width);
  }

  writeBlock(row: number, values: Float32Array): void {
    this.write(row, values);
  }

  read(row: number): Float32Array {
    const start = this.#rowsAt / 4 + row * this.width;
    return this.#floats.slice(start, start + this.width);
  }

  move(from: number, to: number): void {
    const base = this.#rowsAt / 4;
    const start = base + from * this.width;
    this.#floats.copyWithin(base + to * this.width, start, start + this.width);
  }

  scan(query: Float32Array, count: number): Float32Array {
    this.#floats.set(query, 0);
    this.#kernel.scan(0, this.#rowsAt, count, this.width, this.#scoresAt);
    return new Float32Array(this.#kernel.memory.buffer, this.#scoresAt, count);
  }
}

class JsSketchMatrix implements SketchMatrix {
  #rows = new Float32Array(0);
  #scores = new Float32Array(0);

  readonly width: number;

  constructor(width: number) {
    this.width = width;
  }

  reserve(capacity: number): void {
    if (capacity * this.width <= this.#rows.length) return;
    const next = Math.max(capacity, Math.ceil((this.#rows.length / this.width) * 1.5), 64);
    const rows = new Float32Array(next * this.width);
    rows.set(this.#rows);
    this.#rows = rows;
    this.#scores = new Float32Array(next);
  }

  write(row: number, values: Float32Array): void {
    this.#rows.set(values, row * this.width);
  }

  writeBlock(row: number, values: Float32Array): void {
    this.write(row, values);
  }

  read(row: number): Float32Array {
    return this.#rows.slice(row * this.width, (row + 1) * this.width);
  }

  move(from: number, to: number): void {
    const w = this.width;
    this.#rows.copyWithin(to * w, from * w, from * w + w);
  }

  scan(query: Float32Array, count: number): Float32Array {
    const w = this.width;
    for (let r = 0; r < count; r++) {
      this.#scores[r] = dot(query, this.#rows.subarray(r * w, r * w + w));
    }
    return this.#scores.subarray(0, count);
  }
}

/**
 * A sketch matrix of rows of `width` floats (a multiple of 8): WebAssembly SIMD unless
 * `kernel` is "js" or the runtime lacks it.
 */
export function createSketchMatrix(width: number, kernel: "auto" | "js" = "auto"): SketchMatrix {
  if (width % 8 !== 0) throw new RangeError(`sketch width must be a multiple of 8, got ${width}`);
  const simd = kernel === "auto" ? instantiateSimdScan() : null;
  return simd === null ? new JsSketchMatrix(width) : new WasmSketchMatrix(width, simd);
}
