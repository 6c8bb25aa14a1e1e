import { dot } from "../embed/mod.ts";
import { createSketchMatrix, type SketchMatrix } from "./_sketch_matrix.ts";
import { TopK } from "./_top_k.ts";
import { supportPrior } from "./support_prior.ts";

/** One search hit: the exact similarity and the score it was ranked by. */
export interface IndexHit {
  readonly id: string;
  readonly similarity: number;
  /** similarity · supportPrior(vector) when the prior is on, else the similarity. */
  readonly score: number;
}

/** Options of {@link VectorIndex.search}. */
export interface IndexSearchOptions {
  /** How many hits at most. */
  readonly k: number;
  /** Only rows whose exact similarity is strictly above this count. */
  readonly above: number;
  /** Rank by similarity · support prior (default) or by similarity alone. */
  readonly prior?: boolean;
  /** Score every row exactly instead of preselecting by sketch (for measuring agreement). */
  readonly exact?: boolean;
  /** How many preselected rows to re-score exactly; default {@link rescorePool}(n, k). */
  readonly pool?: number;
}

/** Width of the coarse sketches: 512 dimensions fold 4:1, which measured 0.99 agreement. */
export const SKETCH_WIDTH = 128;
/** Rows per storage chunk: growth never copies the whole matrix. */
const CHUNK_ROWS = 4096;
const CHUNK_SHIFT = 12;

/** The sketch width of vectors of `dims` dimensions: 128, or `dims` rounded up to 8 below it. */
export function sketchWidthFor(dims: number): number {
  return dims >= SKETCH_WIDTH ? SKETCH_WIDTH : Math.ceil(dims / 8) * 8;
}

/**
 * How many sketch-preselected rows are re-scored exactly: max(256, 16·k, ⌈4·√n⌉). The √n term
 * keeps exact-scan agreement of the top 10 at ≈ 0.99 from 10k to 100k rows (see the memory
 * benchmark) while the exact part stays well under a millisecond.
 */
export function rescorePool(rows: number, k: number): number {
  return Math.min(rows, Math.max(256, 16 * k, Math.ceil(4 * Math.sqrt(rows))));
}

/**
 * The sketch of a vector: its components summed modulo `width` (v'[j] = Σ_{i ≡ j mod w} v[i]).
 * A linear map, so sketch(q)·sketch(v) estimates q·v; for the local embedder it is exactly the
 * vector the same text gets at D = width, up to scale, because feature probes land at index
 * h mod D and (h mod 512) mod 128 = h mod 128. Widths ≤ the sketch width are copied (padded).
 */
export function sketchOf(
  vector: Float32Array,
  width: number,
  out: Float32Array = new Float32Array(width),
): Float32Array {
  out.fill(0);
  if (vector.length <= width) {
    out.set(vector);
    return out;
  }
  for (let base = 0; base < vector.length; base += width) {
    const end = Math.min(width, vector.length - base);
    for (let j = 0; j < end; j++) out[j]! += vector[base + j]!;
  }
  return out;
}

/**
 * The vectors of one embedding space, searchable by exact cosine (vectors are unit length, so
 * the dot product) after a coarse preselection on {@link SKETCH_WIDTH}-wide sketches scanned by a
 * SIMD kernel. Rows move on removal (the last row fills the gap), so ids, not rows, are stable.
 */
export class VectorIndex {
  readonly sketchWidth: number;
  /** Rows adopted in one block (a loaded sidecar, without copying), then chunks. */
  #base: Float32Array = new Float32Array(0);
  #baseRows = 0;
  readonly #chunks: Float32Array[] = [];
  readonly #sketch: SketchMatrix;
  /** id → row; built on first use after {@link VectorIndex.adopt} (search never needs it). */
  #rows: Map<string, number> | undefined = new Map();
  #ids: string[] = [];
  #prior = new Float32Array(0);
  #ties = new Float64Array(0);
  #sims = new Float64Array(0);
  #count = 0;
  readonly #scratch: Float32Array;

  readonly dims: number;

  constructor(dims: number, options: { readonly kernel?: "auto" | "js" } = {}) {
    this.dims = dims;
    if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`bad vector dims ${dims}`);
    this.sketchWidth = sketchWidthFor(dims);
    this.#sketch = createSketchMatrix(this.sketchWidth, options.kernel ?? "auto");
    this.#scratch = new Float32Array(this.sketchWidth);
  }

  get size(): number {
    return this.#count;
  }

  has(id: string): boolean {
    return this.#rowOf().has(id);
  }

  /** The stored vector (a view: copy it before the index changes). */
  vectorOf(id: string): Float32Array | undefined {
    const row = this.#rowOf().get(id);
    return row === undefined ? undefined : this.#row(row);
  }

  /** Adds or replaces `id`'s vector; `tie` orders equal scores (lower first: the older memory). */
  add(id: string, vector: Float32Array, tie: number): void {
    if (vector.length !== this.dims) {
      throw new RangeError(`vector has ${vector.length} dimensions, this space has ${this.dims}`);
    }
    let row = this.#rowOf().get(id);
    if (row === undefined) {
      row = this.#count++;
      this.#reserve(this.#count);
      this.#rowOf().set(id, row);
      this.#ids[row] = id;
    }
    this.#row(row).set(vector);
    this.#sketch.write(row, sketchOf(vector, this.sketchWidth, this.#scratch));
    this.#prior[row] = supportPrior(vector);
    this.#ties[row] = tie;
  }

  /**
   * Fills an empty index with `ids.length` rows from a loaded sidecar: vectors back to back in
   * `vectors` (kept without copying), their support priors and sketches (copied once into the
   * sketch matrix) — nothing is recomputed.
   */
  adopt(
    ids: readonly string[],
    ties: readonly number[],
    sections: {
      readonly vectors: Float32Array;
      readonly priors: Float32Array;
      readonly sketches: Float32Array;
    },
  ): void {
    const n = ids.length;
    if (this.#count !== 0) throw new RangeError("adopt() needs an empty index");
    const { vectors, priors, sketches } = sections;
    if (
      vectors.length !== n * this.dims || priors.length !== n ||
      sketches.length !== n * this.sketchWidth
    ) {
      throw new RangeError(`adopt() got sections that do not hold ${n} rows`);
    }
    this.#base = vectors;
    this.#baseRows = n;
    this.#count = n;
    this.#reserve(n);
    this.#prior.set(priors);
    for (let row = 0; row < n; row++) {
      this.#ties[row] = ties[row]!;
      this.#ids[row] = ids[row]!;
    }
    this.#rows = undefined;
    this.#sketch.writeBlock(0, sketches);
  }

  /** A row's vector, support prior and sketch (copies), as the sidecar stores them. */
  rowOf(id: string): { vector: Float32Array; prior: number; sketch: Float32Array } | undefined {
    const row = this.#rowOf().get(id);
    if (row === undefined) return undefined;
    return {
      vector: this.#row(row).slice(),
      prior: this.#prior[row]!,
      sketch: this.#sketch.read(row),
    };
  }

  /** Removes `id`; false when it is not here. */
  remove(id: string): boolean {
    const row = this.#rowOf().get(id);
    if (row === undefined) return false;
    const last = --this.#count;
    this.#rowOf().delete(id);
    if (row !== last) {
      const moved = this.#ids[last]!;
      this.#row(row).set(this.#row(last));
      this.#sketch.move(last, row);
      this.#prior[row] = this.#prior[last]!;
      this.#ties[row] = this.#ties[last]!;
      this.#ids[row] = moved;
      this.#rowOf().set(moved, row);
    }
    this.#ids.length = last;
    return true;
  }

  /**
   * The k best rows with similarity > `above`, best score first. Up to
   * {@link rescorePool}(n, k) rows are scored exactly: all of them when n is that small or
   * `exact` is set, else those whose sketch score (times the prior) is highest.
   */
  search(query: Float32Array, options: IndexSearchOptions): IndexHit[] {
    if (query.length !== this.dims) {
      throw new RangeError(`query has ${query.length} dimensions, this space has ${this.dims}`);
    }
    const n = this.#count;
    const usePrior = options.prior ?? true;
    const pool = Math.min(n, options.pool ?? rescorePool(n, options.k));
    const top = new TopK(options.k);
    const consider = (row: number) => {
      // Unit vectors in float32 can dot to 1 + 2e-8: clamp to the cosine's range.
      const similarity = Math.max(-1, Math.min(1, dot(query, this.#row(row))));
      if (!(similarity > options.above)) return;
      this.#sims[row] = similarity;
      top.push(usePrior ? similarity * this.#prior[row]! : similarity, row, this.#ties[row]!);
    };
    if (options.exact === true || n <= pool) {
      for (let row = 0; row < n; row++) consider(row);
    } else {
      const scores = this.#sketch.scan(sketchOf(query, this.sketchWidth, this.#scratch), n);
      const preselected = new TopK(pool);
      let floor = -Infinity;
      for (let row = 0; row < n; row++) {
        const s = usePrior ? scores[row]! * this.#prior[row]! : scores[row]!;
        if (s >= floor) {
          preselected.push(s, row, this.#ties[row]!);
          floor = preselected.threshold;
        }
      }
      preselected.forEach(consider);
    }
    return top.sorted().map(({ score, item }) => ({
      id: this.#ids[item]!,
      similarity: this.#sims[item]!,
      score,
    }));
  }

  /** Every id with its vector (views), in row order. */
  *entries(): IterableIterator<[string, Float32Array]> {
    for (let row = 0; row < this.#count; row++) yield [this.#ids[row]!, this.#row(row)];
  }

  #rowOf(): Map<string, number> {
    if (this.#rows === undefined) {
      this.#rows = new Map();
      for (let row = 0; row < this.#count; row++) this.#rows.set(this.#ids[row]!, row);
    }
    return this.#rows;
  }

  #row(row: number): Float32Array {
    const d = this.dims;
    if (row < this.#baseRows) return this.#base.subarray(row * d, row * d + d);
    const r = row - this.#baseRows;
    const at = (r & (CHUNK_ROWS - 1)) * d;
    return this.#chunks[r >>> CHUNK_SHIFT]!.subarray(at, at + d);
  }

  #reserve(rows: number): void {
    while (this.#baseRows + this.#chunks.length * CHUNK_ROWS < rows) {
      this.#chunks.push(new Float32Array(CHUNK_ROWS * this.dims));
    }
    this.#sketch.reserve(rows);
    if (rows > this.#prior.length) {
      const next = Math.max(rows, Math.ceil(this.#prior.length * 1.5), 64);
      this.#prior = grow(this.#prior, new Float32Array(next));
      this.#ties = grow(this.#ties, new Float64Array(next));
      this.#sims = new Float64Array(next);
    }
  }
}

function grow<T extends Float32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
