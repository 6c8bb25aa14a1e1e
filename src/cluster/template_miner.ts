import { clusterIdFor } from "./_cluster_id.ts";
import { generalise, newPattern, type Pattern } from "./_pattern.ts";
import { PrefixIndex } from "./_prefix_index.ts";
import { matchedConstants, NO_MATCH, type TokenRow, tokenRow } from "./_similarity.ts";
import { formatTemplate } from "./format_template.ts";
import { maskVariables } from "./mask_variables.ts";
import { DEFAULT_MINER_OPTIONS, type MinerOptions, minerOptionsSchema } from "./miner_options.ts";
import { MINER_STATE_VERSION, type MinerState, minerStateSchema } from "./miner_state.ts";
import { tokenize } from "./tokenize.ts";

/** What {@link TemplateMiner.add} did with one line. */
export interface AddResult {
  /** The line's cluster, already resolved through merges. */
  readonly clusterId: string;
  /** The template the line joined, after this line updated it. */
  readonly template: string;
  /** Whether the line started a new cluster. */
  readonly isNew: boolean;
  /** Whether the line turned some constant of the template into `<*>`. */
  readonly generalised: boolean;
}

/** The cluster a line belongs to, from {@link TemplateMiner.match}. */
export interface MatchResult {
  readonly clusterId: string;
  readonly template: string;
}

/** One cluster as {@link TemplateMiner.clusters} reports it. */
export interface ClusterInfo {
  readonly id: string;
  /** The cluster's own template (aliases merged into it may look different). */
  readonly template: string;
  readonly tokens: readonly string[];
  /** Lines assigned to the cluster, including those of clusters merged into it. */
  readonly size: number;
}

/**
 * Online log-template clustering in the spirit of Drain (He et al., "Drain: An Online Log Parsing
 * Approach with Fixed Depth Tree", ICWS 2017). Each line is masked ({@link maskVariables}) and
 * tokenised ({@link tokenize}); candidates share its token count and leading tokens (Drain's
 * tree, see `PrefixIndex`); the best candidate is the one whose constant tokens the line matches
 * in the largest fraction (ties: more matching constants, then the older cluster), accepted if at
 * most `maxMismatchRatio` of them differ and every differing pair of tokens with a masked part
 * agrees in shape (`(uid=<*>)` never joins `LOGIN(uid=<*>)`). Joining a cluster turns each
 * differing token into `<*>`, keeping the punctuation both share (`'<*>')`, `user=<*>`).
 *
 * Ids are stable: a cluster's id is a hash of its first template, so it does not depend on what
 * else arrived before, survives {@link toJSON}/{@link fromJSON}, and stays when the template
 * generalises. Clusters merge only on request ({@link merge}, e.g. from a semantic step); the
 * merge is recorded and {@link resolve} follows it. (Two templates never generalise into one:
 * the line that would do it matches the more general one completely, which always wins.)
 *
 * @example
 * ```ts
 * const miner = new TemplateMiner();
 * const a = miner.add("Invalid user admin from 10.0.0.1");
 * const b = miner.add("Invalid user oracle from 10.0.0.2");
 * b.clusterId === a.clusterId; // true
 * b.template;                  // "Invalid user <*> from <*>"
 * const restored = TemplateMiner.fromJSON(JSON.parse(JSON.stringify(miner)));
 * restored.match("Invalid user bob from 10.0.0.3")?.clusterId === a.clusterId; // true
 * ```
 */
export class TemplateMiner {
  /** The configuration this miner runs with (persisted with its state). */
  readonly options: Readonly<MinerOptions>;
  /** Live patterns by id, in creation order. */
  readonly #patterns = new Map<string, Pattern>();
  /** Merged-away id → the id that now stands for it (never a chain). */
  readonly #merges = new Map<string, string>();
  readonly #index: PrefixIndex;
  #nextSeq = 0;

  /** @throws {RangeError} when an option is out of range. */
  constructor(options: Partial<MinerOptions> = {}) {
    const parsed = minerOptionsSchema.safeParse({ ...DEFAULT_MINER_OPTIONS, ...options });
    if (!parsed.success) {
      throw new RangeError(`invalid miner options: ${parsed.error.message}`, {
        cause: parsed.error,
      });
    }
    this.options = Object.freeze(parsed.data);
    this.#index = new PrefixIndex(this.options.routeDepth);
  }

  /**
   * Restores a miner saved with {@link toJSON}. The restored miner assigns every line exactly as
   * the saved one would have.
   *
   * @throws {RangeError} when the state has another version.
   * @throws {SyntaxError} when the state is malformed or inconsistent.
   */
  static fromJSON(state: unknown): TemplateMiner {
    const version = (state as { version?: unknown } | null)?.version;
    if (typeof version === "number" && version !== MINER_STATE_VERSION) {
      throw new RangeError(
        `miner state version ${version} is not supported (expected ${MINER_STATE_VERSION})`,
      );
    }
    const parsed = minerStateSchema.safeParse(state);
    if (!parsed.success) {
      throw new SyntaxError(`not a miner state: ${parsed.error.message}`, { cause: parsed.error });
    }
    const miner = new TemplateMiner(parsed.data.options);
    for (const record of parsed.data.clusters) {
      if (miner.#patterns.has(record.id)) {
        throw new SyntaxError(`miner state lists cluster ${JSON.stringify(record.id)} twice`);
      }
      miner.#insert(newPattern(record.id, miner.#nextSeq++, [...record.template], {
        size: record.size,
        maxMismatchRatio: miner.options.maxMismatchRatio,
      }));
    }
    for (const [from, into] of Object.entries(parsed.data.merges)) {
      const known = miner.#patterns.has(from) && miner.#patterns.has(into);
      if (!known || Object.hasOwn(parsed.data.merges, into)) {
        throw new SyntaxError(
          `miner state merges ${JSON.stringify(from)} into ${JSON.stringify(into)}: ` +
            "both must be clusters of the state and the target must not be merged itself",
        );
      }
      miner.#merges.set(from, into);
    }
    return miner;
  }

  /** Assigns `line` to a cluster, learning from it: the template may generalise or be new. */
  add(line: string): AddResult {
    const tokens = tokenize(maskVariables(line));
    const found = this.#best(tokenRow(tokens));
    if (found === undefined) return this.#create(tokens);
    found.size++;
    const generalised = generalise(found, tokens, this.options.maxMismatchRatio);
    if (generalised) this.#index.file(found);
    return {
      clusterId: this.#canonical(found.id),
      template: formatTemplate(found.template),
      isNew: false,
      generalised,
    };
  }

  /** The cluster `line` would join, without learning from it; `undefined` if it would be new. */
  match(line: string): MatchResult | undefined {
    const pattern = this.#best(tokenRow(tokenize(maskVariables(line))));
    if (pattern === undefined) return undefined;
    return { clusterId: this.#canonical(pattern.id), template: formatTemplate(pattern.template) };
  }

  /** The current id of a cluster id this miner ever returned, following merges. */
  resolve(id: string): string | undefined {
    if (!this.#patterns.has(id) && !this.#merges.has(id)) return undefined;
    return this.#canonical(id);
  }

  /**
   * Merges cluster `fromId` into `intoId` (for example on a semantic-similarity proposal): both
   * templates keep matching lines, which are reported under `intoId` from now on. Returns the id
   * that now stands for both.
   *
   * @throws {RangeError} when either id is unknown.
   */
  merge(fromId: string, intoId: string): string {
    const from = this.resolve(fromId);
    const into = this.resolve(intoId);
    if (from === undefined || into === undefined) {
      throw new RangeError(
        `cannot merge unknown cluster ${JSON.stringify(from ? intoId : fromId)}`,
      );
    }
    if (from !== into) this.#redirect(from, into);
    return into;
  }

  /** The current clusters (merged-away ones folded into their target), in creation order. */
  clusters(): ClusterInfo[] {
    const sizes = new Map<string, number>();
    for (const pattern of this.#patterns.values()) {
      const id = this.#canonical(pattern.id);
      sizes.set(id, (sizes.get(id) ?? 0) + pattern.size);
    }
    const result: ClusterInfo[] = [];
    for (const pattern of this.#patterns.values()) {
      if (this.#merges.has(pattern.id)) continue;
      result.push({
        id: pattern.id,
        template: formatTemplate(pattern.template),
        tokens: [...pattern.template],
        size: sizes.get(pattern.id) ?? pattern.size,
      });
    }
    return result;
  }

  /** Number of current clusters. */
  get clusterCount(): number {
    return this.#patterns.size - this.#aliasCount();
  }

  /** The whole state as a plain JSON-ready object; see {@link MinerState}. */
  toJSON(): MinerState {
    return {
      version: MINER_STATE_VERSION,
      options: { ...this.options },
      clusters: [...this.#patterns.values()].map((pattern) => ({
        id: pattern.id,
        template: [...pattern.template],
        size: pattern.size,
      })),
      merges: Object.fromEntries(this.#merges),
    };
  }

  #best(line: TokenRow): Pattern | undefined {
    let best: Pattern | undefined;
    let bestRatio = -1;
    let bestMatched = -1;
    for (const bucket of this.#index.bucketsFor(line.tokens)) {
      for (const pattern of bucket) {
        const matched = matchedConstants(pattern.row, line, pattern.maxMismatches);
        if (matched === NO_MATCH) continue;
        const ratio = pattern.constants === 0 ? 1 : matched / pattern.constants;
        const better = ratio !== bestRatio
          ? ratio > bestRatio
          : matched !== bestMatched
          ? matched > bestMatched
          : best === undefined || pattern.seq < best.seq;
        if (!better) continue;
        best = pattern;
        bestRatio = ratio;
        bestMatched = matched;
      }
    }
    return best;
  }

  #create(tokens: string[]): AddResult {
    const id = clusterIdFor(
      tokens,
      (taken) => this.#patterns.has(taken) || this.#merges.has(taken),
    );
    const pattern = newPattern(id, this.#nextSeq++, tokens, {
      size: 1,
      maxMismatchRatio: this.options.maxMismatchRatio,
    });
    this.#insert(pattern);
    const template = formatTemplate(tokens);
    return { clusterId: id, template, isNew: true, generalised: false };
  }

  #insert(pattern: Pattern): void {
    this.#patterns.set(pattern.id, pattern);
    this.#index.file(pattern);
  }

  #redirect(from: string, into: string): void {
    for (const [id, target] of this.#merges) if (target === from) this.#merges.set(id, into);
    this.#merges.set(from, into);
  }

  #canonical(id: string): string {
    return this.#merges.get(id) ?? id;
  }

  #aliasCount(): number {
    let aliases = 0;
    for (const id of this.#patterns.keys()) if (this.#merges.has(id)) aliases++;
    return aliases;
  }
}
