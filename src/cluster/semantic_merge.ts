import type { ClusterInfo, TemplateMiner } from "./template_miner.ts";

/** A proposal to treat two clusters as one failure. */
export interface MergeProposal {
  /** The cluster to fold away. */
  readonly from: string;
  /** The cluster that stands for both from now on. */
  readonly into: string;
  /** The proposer's similarity in [0, 1] (e.g. the cosine of the two templates' embeddings). */
  readonly similarity: number;
}

/**
 * The hook for a semantic merge step on top of the token-structure clustering (DESIGN §6.3):
 * something that reads the current clusters and proposes pairs that mean the same thing although
 * their templates differ in structure ("connection refused" / "ECONNREFUSED"), typically by
 * embedding each template and pairing those above a cosine threshold. Not implemented here; the
 * embedder lives in `src/embed/`.
 */
export interface SemanticMerger {
  propose(clusters: readonly ClusterInfo[]): Promise<readonly MergeProposal[]>;
}

/**
 * Runs one semantic merge step: asks `merger` for proposals over `miner`'s clusters and applies
 * them in order with {@link TemplateMiner.merge} (a proposal whose clusters were already merged is
 * a no-op). Returns the proposals that changed something.
 *
 * @example
 * ```ts
 * const applied = await applySemanticMerges(miner, { propose: async () => [] }); // []
 * ```
 */
export async function applySemanticMerges(
  miner: TemplateMiner,
  merger: SemanticMerger,
): Promise<MergeProposal[]> {
  const proposals = await merger.propose(miner.clusters());
  const applied: MergeProposal[] = [];
  for (const proposal of proposals) {
    const from = miner.resolve(proposal.from);
    const into = miner.resolve(proposal.into);
    if (from === undefined || into === undefined || from === into) continue;
    miner.merge(from, into);
    applied.push(proposal);
  }
  return applied;
}
