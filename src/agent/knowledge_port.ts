import type { Awaitable } from "./memory_port.ts";

/** An error cluster a text belongs to. */
export interface ClusterMatch {
  readonly clusterId: string;
  /** The cluster's template (`read: File not found: <*>`). */
  readonly template: string;
}

/** The parts of a gene live healing shows (`src/gep` Gene has them). */
export interface FixGene {
  readonly id: string;
  readonly title?: string;
  readonly strategy: readonly string[];
}

/** A cluster's current fix: a gene the feedback loop made `active` or found `proven`. */
export interface KnownFix {
  readonly gene: FixGene;
  readonly status: "active" | "proven";
}

/**
 * What live healing needs from the evolution side (DESIGN §6.5 advise mode): which cluster an
 * error line belongs to (`ClusterRegistry.match`), and that cluster's active or proven fix (the
 * feedback tracker's active fixes, with their genes). Methods may return promises.
 *
 * @example
 * ```ts
 * const knowledge: KnowledgePort = {
 *   matchCluster: (text) => { const id = registry.match(text); return id && { clusterId: id, template: … }; },
 *   fixFor: (clusterId) => …,
 * };
 * ```
 */
export interface KnowledgePort {
  matchCluster(text: string): Awaitable<ClusterMatch | undefined>;
  fixFor(clusterId: string): Awaitable<KnownFix | undefined>;
}
