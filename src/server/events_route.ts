import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Hono } from "hono";
import { z } from "zod";
import { type Capsule, verifyAssets, type VerifyReport } from "../gep/mod.ts";
import type { JsonlProblem } from "../store/mod.ts";
import { parseId, parseQuery, type RouteContext } from "./_route_context.ts";
import { eventPage, type EventRow } from "./event_rows.ts";

/** `GET /api/events`: a page of the evolution log, newest first. */
export interface EventsResponse {
  readonly rows: readonly EventRow[];
  readonly total: number;
  /** Older events exist: ask again with `before` = the last row's line. */
  readonly more: boolean;
  /** Lines that are not valid events (skipped). */
  readonly skipped: readonly JsonlProblem[];
}

/** `GET /api/capsules`. */
export interface CapsulesResponse {
  readonly capsules: readonly Capsule[];
}

/** `GET /api/verify`: the same report as `lshml events verify`. */
export type VerifyResponse = VerifyReport;

/** `GET /api/prompts/:id`: the GEP prompt a cycle wrote for a person or an agent. */
export interface PromptResponse {
  readonly id: string;
  /** Relative to the home. */
  readonly file: string;
  readonly text: string | null;
  readonly truncated: boolean;
}

/** Most characters of a GEP prompt sent to the page. */
export const MAX_PROMPT_CHARS = 20_000;

const EventsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().positive().optional(),
});

/** Reads `memory/gep/<id>.md` of a home, bounded; null when there is none. */
export async function readPrompt(homeDir: string, id: string): Promise<PromptResponse> {
  const file = `memory/gep/${id}.md`;
  let text: string | null = null;
  try {
    text = await readFile(join(homeDir, file), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const truncated = text !== null && text.length > MAX_PROMPT_CHARS;
  return { id, file, text: truncated ? text!.slice(0, MAX_PROMPT_CHARS) : text, truncated };
}

/** Registers the evolution log's routes: events, verification, capsules, GEP prompts. */
export function registerEvents(app: Hono, ctx: RouteContext): void {
  app.get("/api/events", async (c) => {
    const home = ctx.home(c);
    const query = parseQuery(c, EventsQuerySchema.loose());
    const read = await ctx.reader(home.dir).events();
    const page = eventPage(read.events, { limit: query.limit, beforeLine: query.before });
    const body: EventsResponse = { ...page, skipped: read.problems };
    return c.json(body);
  });
  app.get("/api/verify", async (c) => {
    const body: VerifyResponse = await verifyAssets(ctx.home(c).dir);
    return c.json(body);
  });
  app.get("/api/capsules", async (c) => {
    const body: CapsulesResponse = { capsules: await ctx.reader(ctx.home(c).dir).capsules() };
    return c.json(body);
  });
  app.get("/api/prompts/:id", async (c) => {
    const body = await readPrompt(ctx.home(c).dir, parseId(c));
    return c.json(body);
  });
}
