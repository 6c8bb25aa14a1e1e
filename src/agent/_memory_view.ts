import type { InjectedMemory } from "./memory_block.ts";
import type { MemoryCandidate, RecallResult, SelectedMemory } from "./memory_port.ts";

/** Phase A's candidates, whether the memory returned them bare or wrapped. */
export function _candidatesOf(result: RecallResult): readonly MemoryCandidate[] {
  return Array.isArray(result) ? result : (result as { candidates: MemoryCandidate[] }).candidates;
}

/** A phase-B pick as the block shows it; `undefined` when it carries no experience text. */
export function _viewOf(selected: SelectedMemory): InjectedMemory | undefined {
  const c: MemoryCandidate = "candidate" in selected ? selected.candidate : selected;
  const experience = c.experience ?? c.record?.experience ?? c.memory?.experience;
  if (typeof experience !== "string" || experience.trim() === "") return undefined;
  const q = c.q ?? c.record?.q ?? c.memory?.q;
  return {
    id: c.id,
    similarity: c.similarity,
    experience,
    ...(typeof q === "number" ? { q } : {}),
    ...(c.origin === "remote" ? { origin: "remote" as const } : {}),
  };
}
