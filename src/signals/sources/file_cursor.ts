import { z } from "zod";

/**
 * Where an incremental reader stopped in a file: the byte offset just past the
 * last complete line it consumed, plus enough identity to notice when the file
 * was replaced (rotated) or truncated, in which case reading starts over.
 */
export const FileCursorSchema = z.object({
  kind: z.literal("file"),
  /** Byte offset after the last consumed newline. */
  offset: z.number().int().nonnegative(),
  /** Lines consumed so far (for line numbers in messages). */
  lines: z.number().int().nonnegative(),
  /** Inode number when the cursor was saved (0 where the platform has none). */
  ino: z.number().nonnegative(),
  /** Hash of the file's first bytes: a rewritten file with the same inode is noticed. */
  head: z.string(),
});

/** See {@link FileCursorSchema}. */
export type FileCursor = z.infer<typeof FileCursorSchema>;

/** The cursor of a file never read. */
export const START_OF_FILE: FileCursor = { kind: "file", offset: 0, lines: 0, ino: 0, head: "" };
