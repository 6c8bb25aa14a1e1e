import { WILDCARD } from "./mask_variables.ts";
import type { Pattern } from "./_pattern.ts";

const SEPARATOR = "\u0000";
const HAS_DIGIT = /\d/;

/**
 * Drain's fixed-depth parse tree (He et al., ICWS 2017) flattened into one map: a pattern is filed
 * under its token count and its first `depth` tokens, where a token that holds a variable or a
 * digit routes as `<*>`. Unlike Drain, the key follows the template as it generalises, and a line
 * probes both its own token and `<*>` at each level (at most 2^depth buckets), so a pattern whose
 * leading token became a variable is still found, and no `maxChildren` limit is needed.
 */
export class PrefixIndex {
  readonly #buckets = new Map<string, Pattern[]>();
  readonly #depth: number;

  constructor(depth: number) {
    this.#depth = depth;
  }

  /** The buckets whose patterns may match `tokens` (a line probes at most 2^depth of them). */
  bucketsFor(tokens: readonly string[]): Pattern[][] {
    const found: Pattern[][] = [];
    for (const key of this.#probeKeys(tokens)) {
      const bucket = this.#buckets.get(key);
      if (bucket !== undefined) found.push(bucket);
    }
    return found;
  }

  /**
   * Files a new `pattern` under the key of its template, or moves it after its template
   * generalised. A new pattern has the empty key, which no bucket uses.
   */
  file(pattern: Pattern): void {
    const key = this.#keyOf(pattern.template);
    if (key === pattern.key) return;
    this.remove(pattern);
    pattern.key = key;
    const bucket = this.#buckets.get(key);
    if (bucket === undefined) this.#buckets.set(key, [pattern]);
    else bucket.push(pattern);
  }

  /** Takes `pattern` out of the index. */
  remove(pattern: Pattern): void {
    const bucket = this.#buckets.get(pattern.key);
    if (bucket === undefined) return;
    const at = bucket.indexOf(pattern);
    if (at < 0) return;
    bucket.splice(at, 1);
    if (bucket.length === 0) this.#buckets.delete(pattern.key);
  }

  #keyOf(tokens: readonly string[]): string {
    let key = String(tokens.length);
    const levels = Math.min(this.#depth, tokens.length);
    for (let i = 0; i < levels; i++) key += SEPARATOR + routeToken(tokens[i] as string);
    return key;
  }

  #probeKeys(tokens: readonly string[]): string[] {
    let keys = [String(tokens.length)];
    const levels = Math.min(this.#depth, tokens.length);
    for (let i = 0; i < levels; i++) {
      const token = routeToken(tokens[i] as string);
      const next: string[] = [];
      for (const key of keys) {
        if (token !== WILDCARD) next.push(key + SEPARATOR + token);
        next.push(key + SEPARATOR + WILDCARD);
      }
      keys = next;
    }
    return keys;
  }
}

function routeToken(token: string): string {
  return token.includes(WILDCARD) || HAS_DIGIT.test(token) ? WILDCARD : token;
}
