import {
  type ClusterMeta,
  DAILY_DAYS,
  MAX_EXAMPLES,
  MAX_SOURCES,
  type MergeRecord,
  type RegistryDocument,
} from "./registry_file.ts";
import { TemplateMiner } from "./template_miner.ts";

/** One occurrence of an error, ready to be clustered. */
export interface Observation {
  /** The error text, secrets already redacted. */
  readonly text: string;
  readonly time: Date;
  /** Where it was seen, e.g. `openclaw:main` or a log file path. */
  readonly source: string;
  /** The signal type it came with (timeout, tool_error, …). */
  readonly signalType: string;
}

/** What {@link ClusterRegistry.observe} did. */
export interface Observed {
  readonly clusterId: string;
  readonly template: string;
  readonly isNew: boolean;
}

/** How a cluster's frequency is moving: last 7 days against the 7 before. */
export type Trend = "new" | "rising" | "steady" | "falling" | "quiet";

/** A cluster as shown to people and machines. */
export interface ClusterView extends ClusterMeta {
  readonly template: string;
  readonly trend: Trend;
}

const DAY_MS = 86_400_000;

function day(time: Date): string {
  return time.toISOString().slice(0, 10);
}

function sumDays(daily: Record<string, number>, today: Date, from: number, to: number): number {
  let total = 0;
  for (let d = from; d < to; d++) total += daily[day(new Date(today.getTime() - d * DAY_MS))] ?? 0;
  return total;
}

/**
 * The trend of a cluster on `today`: "new" when first seen in the last 7 days,
 * "quiet" when not seen in them, else rising/falling when the last 7 days have
 * at least 1.5× (or at most 2/3 of) the occurrences of the 7 before.
 */
export function trendOf(meta: ClusterMeta, today: Date): Trend {
  const recent = sumDays(meta.daily, today, 0, 7);
  const before = sumDays(meta.daily, today, 7, 14);
  if (today.getTime() - Date.parse(meta.firstSeen) < 7 * DAY_MS) return "new";
  if (recent === 0) return "quiet";
  if (recent >= before * 1.5) return "rising";
  if (recent * 1.5 <= before) return "falling";
  return "steady";
}

function pruneDaily(daily: Record<string, number>, today: Date): Record<string, number> {
  const oldest = day(new Date(today.getTime() - DAILY_DAYS * DAY_MS));
  return Object.fromEntries(Object.entries(daily).filter(([d]) => d >= oldest));
}

/**
 * The error clusters lshml knows: the {@link TemplateMiner}'s templates plus,
 * per cluster, counts, first/last seen, examples, sources, signal types and a
 * daily histogram for the trend. Persisted as `memory/cluster-registry.json`
 * (see `ClusterRegistryFile`); ids are the miner's stable ids.
 *
 * @example
 * ```ts
 * const registry = ClusterRegistry.fromDocument(ClusterRegistryFile.empty());
 * registry.observe({ text: "ENOENT: open '/a'", time: new Date(), source: "s", signalType: "missing_resource" });
 * ```
 */
export class ClusterRegistry {
  readonly #miner: TemplateMiner;
  readonly #clusters: Map<string, ClusterMeta>;
  readonly #merges: MergeRecord[];

  private constructor(
    miner: TemplateMiner,
    clusters: Map<string, ClusterMeta>,
    merges: MergeRecord[],
  ) {
    this.#miner = miner;
    this.#clusters = clusters;
    this.#merges = merges;
  }

  /** Restores a registry from its file content. */
  static fromDocument(doc: RegistryDocument): ClusterRegistry {
    return new ClusterRegistry(
      TemplateMiner.fromJSON(doc.miner),
      new Map(Object.entries(doc.clusters)),
      [...doc.merges],
    );
  }

  /** The registry as file content. */
  toDocument(): RegistryDocument {
    return {
      version: 1,
      miner: this.#miner.toJSON(),
      clusters: Object.fromEntries(this.#clusters),
      merges: [...this.#merges],
    };
  }

  /** Number of current clusters. */
  get size(): number {
    return this.#clusters.size;
  }

  /** Clusters an occurrence and updates what is known about its cluster. */
  observe(observation: Observation): Observed {
    const added = this.#miner.add(observation.text);
    const when = observation.time.toISOString();
    const known = this.#clusters.get(added.clusterId);
    const meta: ClusterMeta = known ?? {
      id: added.clusterId,
      representative: observation.text,
      examples: [],
      count: 0,
      firstSeen: when,
      lastSeen: when,
      signalTypes: {},
      sources: [],
      daily: {},
    };
    meta.count++;
    if (when < meta.firstSeen) meta.firstSeen = when;
    if (when > meta.lastSeen) meta.lastSeen = when;
    meta.signalTypes[observation.signalType] = (meta.signalTypes[observation.signalType] ?? 0) + 1;
    if (meta.examples.length < MAX_EXAMPLES && !meta.examples.includes(observation.text)) {
      meta.examples.push(observation.text);
    }
    if (meta.sources.length < MAX_SOURCES && !meta.sources.includes(observation.source)) {
      meta.sources.push(observation.source);
    }
    const d = day(observation.time);
    meta.daily[d] = (meta.daily[d] ?? 0) + 1;
    if (!known) this.#clusters.set(meta.id, meta);
    else if (Object.keys(meta.daily).length > DAILY_DAYS) {
      meta.daily = pruneDaily(meta.daily, observation.time);
    }
    return { clusterId: added.clusterId, template: added.template, isNew: added.isNew };
  }

  /** The cluster a text would join, without learning from it. */
  match(text: string): string | undefined {
    return this.#miner.match(text)?.clusterId;
  }

  /** The current id for an id this registry ever gave out (merges are followed). */
  resolve(id: string): string | undefined {
    return this.#miner.resolve(id);
  }

  /**
   * Merges `from` into `into` (e.g. two templates that mean the same error),
   * combining their counts, examples and histograms, and records why.
   */
  merge(from: string, into: string, reason: string, at: Date): string {
    const source = this.#clusters.get(this.resolve(from) ?? from);
    const target = this.#miner.merge(from, into);
    const kept = this.#clusters.get(target);
    if (source && kept && source.id !== kept.id) {
      kept.count += source.count;
      if (source.firstSeen < kept.firstSeen) kept.firstSeen = source.firstSeen;
      if (source.lastSeen > kept.lastSeen) kept.lastSeen = source.lastSeen;
      for (const [t, n] of Object.entries(source.signalTypes)) {
        kept.signalTypes[t] = (kept.signalTypes[t] ?? 0) + n;
      }
      for (const [d, n] of Object.entries(source.daily)) kept.daily[d] = (kept.daily[d] ?? 0) + n;
      kept.examples = [...new Set([...kept.examples, ...source.examples])].slice(0, MAX_EXAMPLES);
      kept.sources = [...new Set([...kept.sources, ...source.sources])].slice(0, MAX_SOURCES);
      this.#clusters.delete(source.id);
    }
    this.#merges.push({ from, into: target, at: at.toISOString(), reason });
    return target;
  }

  /** One cluster, with its template and trend on `today`. */
  get(id: string, today: Date): ClusterView | undefined {
    const resolved = this.resolve(id);
    const meta = resolved === undefined ? undefined : this.#clusters.get(resolved);
    return meta ? this.#view(meta, today, this.#templates()) : undefined;
  }

  /** Every cluster, most frequent first. */
  list(today: Date): ClusterView[] {
    const templates = this.#templates();
    return [...this.#clusters.values()]
      .map((meta) => this.#view(meta, today, templates))
      .sort((a, b) => b.count - a.count || a.firstSeen.localeCompare(b.firstSeen));
  }

  /** Recorded merges, oldest first. */
  merges(): readonly MergeRecord[] {
    return this.#merges;
  }

  #templates(): Map<string, string> {
    return new Map(this.#miner.clusters().map((c) => [c.id, c.template]));
  }

  #view(meta: ClusterMeta, today: Date, templates: Map<string, string>): ClusterView {
    const template = templates.get(meta.id) ?? meta.representative;
    return { ...meta, template, trend: trendOf(meta, today) };
  }
}
