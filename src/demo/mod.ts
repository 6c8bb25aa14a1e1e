/**
 * The demo's own pieces: what the bundled sample holds.
 *
 * @module
 */
export { inventorySources } from "./inventory.ts";
export type { SourceFile } from "./inventory.ts";
