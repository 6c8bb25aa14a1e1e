/**
 * Keeps the k best of a stream of (score, item, tie) — higher score first, then lower tie (the
 * older memory) — in a binary min-heap: O(log k) per accepted item, O(1) per rejected one, so
 * a scan of n items with k ≪ n costs about n comparisons.
 */
export class TopK {
  readonly #scores: Float64Array;
  readonly #items: Int32Array;
  readonly #ties: Float64Array;
  #size = 0;

  readonly k: number;

  constructor(k: number) {
    this.k = k;
    this.#scores = new Float64Array(Math.max(1, k));
    this.#items = new Int32Array(Math.max(1, k));
    this.#ties = new Float64Array(Math.max(1, k));
  }

  get size(): number {
    return this.#size;
  }

  /** The score an item must beat to enter once full (−Infinity before). */
  get threshold(): number {
    return this.#size < this.k ? -Infinity : this.#scores[0]!;
  }

  /** `a` ranks below `b`: lower score, or equal score and a higher (newer) tie. */
  #worse(a: number, b: number): boolean {
    const sa = this.#scores[a]!, sb = this.#scores[b]!;
    return sa < sb || (sa === sb && this.#ties[a]! > this.#ties[b]!);
  }

  push(score: number, item: number, tie: number): void {
    if (this.k <= 0) return;
    if (this.#size === this.k) {
      const s0 = this.#scores[0]!;
      if (score < s0 || (score === s0 && tie >= this.#ties[0]!)) return;
      this.#set(0, score, item, tie);
      this.#down(0);
      return;
    }
    this.#set(this.#size, score, item, tie);
    this.#up(this.#size++);
  }

  /** Calls `fn` with each kept item, in no particular order (cheaper than {@link sorted}). */
  forEach(fn: (item: number) => void): void {
    for (let i = 0; i < this.#size; i++) fn(this.#items[i]!);
  }

  /** The kept items, best first. */
  sorted(): { score: number; item: number }[] {
    const order = Array.from({ length: this.#size }, (_, i) => i);
    order.sort((a, b) => (this.#worse(a, b) ? 1 : this.#worse(b, a) ? -1 : 0));
    return order.map((i) => ({ score: this.#scores[i]!, item: this.#items[i]! }));
  }

  #set(at: number, score: number, item: number, tie: number): void {
    this.#scores[at] = score;
    this.#items[at] = item;
    this.#ties[at] = tie;
  }

  #swap(a: number, b: number): void {
    const s = this.#scores[a]!, i = this.#items[a]!, t = this.#ties[a]!;
    this.#set(a, this.#scores[b]!, this.#items[b]!, this.#ties[b]!);
    this.#set(b, s, i, t);
  }

  #up(at: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.#worse(at, parent)) return;
      this.#swap(at, parent);
      at = parent;
    }
  }

  #down(at: number): void {
    for (;;) {
      const left = 2 * at + 1, right = left + 1;
      let worst = at;
      if (left < this.#size && this.#worse(left, worst)) worst = left;
      if (right < this.#size && this.#worse(right, worst)) worst = right;
      if (worst === at) return;
      this.#swap(at, worst);
      at = worst;
    }
  }
}
