import type { InjectedMemory } from "./memory_block.ts";
import type { _HostCore } from "./_host_core.ts";
import { _candidatesOf, _viewOf } from "./_memory_view.ts";
import { _idList, _num } from "./_log_format.ts";
import { createRng } from "../learn/mod.ts";

/**
 * Phase A and phase B for one turn, with the seed's log lines: recall by similarity (delta, k1),
 * rank by similarity and Q (k2, λ, ε, τ gate). Phase B's ε-greedy draws come from a per-turn seed
 * taken from the injected rng and recorded on the `phase-b` line, so any pick can be replayed
 * with `rank(candidates, { …, rng: createRng(seed) })`. Returns the memories to inject (none
 * when phase B's gate says so); they are counted as selected, behind the hook.
 */
export async function _recallAndRank(
  core: _HostCore,
  vector: Float32Array,
  where: string,
): Promise<InjectedMemory[]> {
  const { retrieval } = core.deps.config;
  const { memory, rng } = core.deps;
  const candidates = _candidatesOf(
    await memory.recall(vector, { delta: retrieval.delta, k1: retrieval.k1 }),
  );
  core.log(`[lshml] phase-a candidates=${candidates.length} ${where}`);
  if (candidates.length === 0) {
    core.log(`[lshml] phase-b ${where} candidates=0 selected=0`);
    return [];
  }
  const seed = Math.floor(rng() * 2 ** 32);
  const ranked = await memory.rank(candidates, {
    k2: retrieval.k2,
    lambda: retrieval.lambda,
    epsilon: retrieval.epsilon,
    tau: retrieval.tau,
    rng: createRng(seed),
  });
  const picked = ranked.injected ? ranked.selected : [];
  const selected = picked.flatMap((p) => _viewOf(p) ?? []);
  const best = Math.max(...candidates.map((c) => c.similarity));
  core.log(
    `[lshml] phase-b ${where} candidates=${candidates.length} bestSimilarity=${_num(best)} ` +
      `tau=${retrieval.tau} seed=${seed} selected=${selected.length} ` +
      `ids=${_idList(selected.map((m) => m.id))}`,
  );
  if (selected.length > 0) {
    const ids = selected.map((m) => m.id);
    core.writeBehind("selection not recorded", () => memory.markSelected(ids));
  }
  return selected;
}
