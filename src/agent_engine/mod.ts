/**
 * The agent engine: what `lshml agent serve` runs behind the OpenClaw plugin. It wires the agent
 * path (`src/agent`) to a real home — the episodic memory (`src/memory`), live healing from the
 * cluster registry and the evolution's fixes, the reward and summary providers (`src/llm`), the
 * session file — and, only when `remote.enabled`, to the team hub (`src/remote`).
 *
 * @module
 */
export { memoryHandlerFactory } from "./memory_handler_factory.ts";
export type { MemoryHandlerOptions } from "./memory_handler_factory.ts";
export { homeKnowledge } from "./home_knowledge.ts";
export type { HomeKnowledgeOptions } from "./home_knowledge.ts";
export { localMemoryPort } from "./local_memory_port.ts";
export type { LocalMemoryPort, LocalMemoryPortOptions } from "./local_memory_port.ts";
export { HUB_ID_PREFIX, sharedMemoryPort } from "./shared_memory_port.ts";
export type { SharedMemoryOptions } from "./shared_memory_port.ts";
export { memoryEmbedder } from "./memory_embedder.ts";
export type { EmbedderSource, MemoryEmbedder } from "./memory_embedder.ts";
export { previewRecall } from "./recall_preview.ts";
export type { PreviewHit, RecallPreview } from "./recall_preview.ts";
