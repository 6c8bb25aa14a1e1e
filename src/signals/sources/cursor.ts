import { z } from "zod";
import { FileCursorSchema } from "./file_cursor.ts";

/**
 * Where an incremental read of an OpenClaw SQLite store stopped: per session,
 * the highest `seq` of `transcript_events` already processed. (Row ids are not
 * used: SQLite may reuse them after a session is deleted.)
 */
export const SqliteCursorSchema = z.object({
  kind: z.literal("sqlite"),
  sessions: z.record(z.string(), z.number().int()),
});

/** A source's saved position: a file offset or a SQLite row id. */
export const SourceCursorSchema = z.discriminatedUnion("kind", [
  FileCursorSchema,
  SqliteCursorSchema,
]);

/** See {@link SourceCursorSchema}. */
export type SourceCursor = z.infer<typeof SourceCursorSchema>;
export type SqliteCursor = z.infer<typeof SqliteCursorSchema>;
