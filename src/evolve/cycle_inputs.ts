import { ClusterRegistryFile } from "../cluster/mod.ts";
import type { RegistryDocument } from "../cluster/mod.ts";
import { type Gene, lastEventAssetId, loadGenes } from "../gep/mod.ts";
import { type KnowledgeBase, KnowledgeFile, type Predictor, PredictorFile } from "../learn/mod.ts";
import { type EngineState, EngineStateFile } from "../state/mod.ts";
import { dataFilePath, readVersioned } from "../store/mod.ts";

/** Everything a cycle reads before it decides anything. */
export interface CycleInputs {
  readonly state: EngineState;
  readonly registry: RegistryDocument;
  readonly kb: KnowledgeBase;
  readonly predictor: Predictor;
  readonly genes: readonly Gene[];
  /** asset_id of the last evolution event: the next event's parent. */
  readonly parent: string | null;
}

/** Reads the engine's files for a cycle; the caller holds the engine lock. */
export async function readCycleInputs(home: string, now: () => Date): Promise<CycleInputs> {
  const read = { now, holdingLock: true };
  const [state, registry, kb, predictor, genes, parent] = await Promise.all([
    readVersioned(dataFilePath(home, "state"), EngineStateFile, read),
    readVersioned(dataFilePath(home, "clusterRegistry"), ClusterRegistryFile, read),
    readVersioned(dataFilePath(home, "knowledge"), KnowledgeFile, read),
    readVersioned(dataFilePath(home, "predictor"), PredictorFile, read),
    loadGenes(home),
    lastEventAssetId(home),
  ]);
  return {
    state: state.value,
    registry: registry.value,
    kb: kb.value,
    predictor: predictor.value,
    genes,
    parent,
  };
}
