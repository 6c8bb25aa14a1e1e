import type { SourceCursor } from "./cursor.ts";

/** One thing a source yields: a transcript event, a log line, or something unreadable. */
export type SourceItem =
  | {
    readonly kind: "event";
    readonly session: string;
    /** `seq` in the SQLite store, line number in a JSONL file. */
    readonly position: number;
    /** The JSON-parsed event. */
    readonly event: unknown;
    /** UTF-8 size of the event's JSON. */
    readonly bytes: number;
  }
  | { readonly kind: "line"; readonly position: number; readonly text: string }
  | {
    readonly kind: "malformed";
    readonly session?: string;
    readonly position: number;
    readonly reason: string;
  };

/** What one incremental read did. */
export interface ReadResult {
  /** Where the next read resumes. */
  readonly cursor: SourceCursor | undefined;
  /** Bytes of transcript or log text read. */
  readonly bytes: number;
  /** True when the source was rotated or truncated and was read from the start. */
  readonly restarted: boolean;
}

/** A place lshml reads events from, incrementally. */
export interface SourceReader {
  /** Stable key of the cursor in `memory/state.json` (includes the absolute path). */
  readonly id: string;
  /** Short name for people and for signals: `openclaw:main`, `log:/var/log/app.log`. */
  readonly label: string;
  readonly kind: "openclaw-sqlite" | "openclaw-jsonl" | "log" | "stdin";
  /**
   * Reads what is new since `cursor`, handing each item to `onItem` in order.
   * Memory stays bounded however large the source.
   */
  read(cursor: SourceCursor | undefined, onItem: (item: SourceItem) => void): Promise<ReadResult>;
}
