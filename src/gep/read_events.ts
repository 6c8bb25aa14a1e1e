import { type JsonlProblem, readJsonl } from "../store/mod.ts";
import { type EvolutionEvent, EvolutionEventSchema } from "./evolution_event.ts";
import { gepPaths } from "./gep_paths.ts";

/** An event with the line it is on. */
export interface EventAtLine {
  /** 1-based line number in `events.jsonl`. */
  readonly line: number;
  readonly event: EvolutionEvent;
}

/** What {@link readEvents} found. */
export interface ReadEventsResult {
  /** Valid events in file order. */
  readonly events: EventAtLine[];
  /** Lines that are not JSON or not a valid event (skipped, never fatal). */
  readonly problems: JsonlProblem[];
  /** A cut-off last line (a writer was killed mid-append), if any. */
  readonly tornTail: { readonly line: number; readonly bytes: number } | undefined;
}

/**
 * Reads `assets/gep/events.jsonl`: every event that parses and matches the
 * schema, with its 1-based line number, plus the lines that do not. A missing
 * file reads as empty. Content hashes and the chain are checked by
 * {@link verifyAssets}, not here.
 *
 * @example
 * ```ts
 * const { events, problems } = await readEvents(home);
 * ```
 */
export async function readEvents(home: string): Promise<ReadEventsResult> {
  const read = await readJsonl(gepPaths(home).events, { schema: EvolutionEventSchema });
  const events = read.records.map((event, i) => ({ line: read.recordLines[i] ?? 0, event }));
  return { events, problems: read.invalid, tornTail: read.tornTail };
}
