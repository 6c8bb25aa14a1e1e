import { z } from "zod";
import { defineVersionedFile } from "../../src/store/mod.ts";

/** The versioned file the crash and concurrency writers update. */
export const CounterFile = defineVersionedFile({
  name: "test counter",
  version: 1,
  schema: z.object({
    version: z.literal(1),
    seq: z.number(),
    updates: z.number(),
    pad: z.string(),
  }),
  empty: () => ({ version: 1 as const, seq: 0, updates: 0, pad: "" }),
});

/** A JSONL record the writers append. */
export const LogRecord = z.object({ writer: z.string(), seq: z.number(), pad: z.string() });
