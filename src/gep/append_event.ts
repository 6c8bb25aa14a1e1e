import { appendJsonl, type AppendJsonlResult } from "../store/mod.ts";
import { AuditIntegrityError } from "./audit_integrity_error.ts";
import { verifyAssetId } from "./asset_id.ts";
import type { EvolutionEvent } from "./evolution_event.ts";
import { gepPaths } from "./gep_paths.ts";
import { lastEventAssetId } from "./last_event_asset_id.ts";

/**
 * Appends one event to the home's `events.jsonl` (one line, fsynced, through
 * the store's `appendJsonl`), after checking that its `asset_id` verifies and
 * that its `parent` is the current last event's `asset_id`.
 *
 * The parent check and the append are two steps: the caller must hold the
 * evolution cycle's lock so no other writer appends in between. A cycle that
 * commits several files at once may instead put the event into a
 * `commitTransaction` append op for `gepPaths(home).events` (events have an `id`).
 *
 * @throws {TypeError} when the event's `asset_id` does not match its content.
 * @throws {AuditIntegrityError} when `parent` is not the last event's `asset_id`.
 *
 * @example
 * ```ts
 * await appendEvent(home, makeEvent({ ...fields, parent: await lastEventAssetId(home) }));
 * ```
 */
export async function appendEvent(home: string, event: EvolutionEvent): Promise<AppendJsonlResult> {
  if (!verifyAssetId(event)) {
    throw new TypeError(`refusing to append event ${event.id}: its asset_id does not verify`);
  }
  const last = await lastEventAssetId(home);
  if (event.parent !== last) {
    const message = `event ${event.id} names parent ${event.parent}, ` +
      `but the last event in the log is ${last ?? "none (the log is empty)"}`;
    throw new AuditIntegrityError(message, [{ file: "assets/gep/events.jsonl", message }]);
  }
  return await appendJsonl(gepPaths(home).events, [event]);
}
