import { readEvents } from "./read_events.ts";

/**
 * The `asset_id` of the last valid event in the home's `events.jsonl`, or
 * `null` when there is none: what the next event's `parent` must be. The stored
 * id is used as written (not recomputed), so a tampered last event is still
 * reported where it is, not blamed on the event after it.
 *
 * @example
 * ```ts
 * const event = makeEvent({ ...fields, parent: await lastEventAssetId(home) });
 * ```
 */
export async function lastEventAssetId(home: string): Promise<string | null> {
  const { events } = await readEvents(home);
  return events.at(-1)?.event.asset_id ?? null;
}
