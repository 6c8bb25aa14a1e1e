import type { Hono } from "hono";
import { z } from "zod";
import { parseId, parseQuery, type RouteContext } from "./_route_context.ts";
import type {
  MemoryHit,
  MemoryItem,
  MemorySearch,
  MemoryStats,
  MemoryView,
} from "./memory_view.ts";

/** One memory with the text the plugin would inject for it. */
export type MemoryEntry = (MemoryItem | MemoryHit) & { readonly injected: string };

/** `GET /api/memories`: the list (or a search), with the memory's numbers. */
export type MemoriesResponse =
  | {
    readonly available: true;
    readonly stats: MemoryStats;
    readonly query: string | null;
    readonly items: readonly MemoryEntry[];
    /** For a search: what phase B would inject, and why (or why not). */
    readonly injection: Omit<MemorySearch, "hits"> | null;
    /** The plugin injects only when the best similarity reaches `retrieval.tau`. */
    readonly tau: number;
  }
  | { readonly available: false; readonly reason: string };

/** `DELETE /api/memories/:id`. */
export interface ForgetResponse {
  readonly id: string;
  readonly forgotten: true;
}

const MemoriesQuerySchema = z.object({
  q: z.string().trim().max(2000).optional(),
  sort: z.enum(["q", "uses", "recent"]).default("q"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

async function openView(ctx: RouteContext, dir: string): Promise<MemoryView | string> {
  if (!ctx.deps.memory) return "this lshml has no episodic memory module yet";
  const view = await ctx.deps.memory(dir);
  return "unavailable" in view ? view.unavailable : view;
}

/** Registers the memories page's routes: list / search, and forget one. */
export function registerMemories(app: Hono, ctx: RouteContext): void {
  app.get("/api/memories", async (c) => {
    const home = ctx.home(c);
    const query = parseQuery(c, MemoriesQuerySchema.loose());
    const view = await openView(ctx, home.dir);
    if (typeof view === "string") {
      const body: MemoriesResponse = { available: false, reason: view };
      return c.json(body);
    }
    const q = query.q ? query.q : null;
    const search = q ? await view.search(q, query.limit) : null;
    const found: readonly (MemoryItem | MemoryHit)[] = search
      ? search.hits
      : await view.list({ sort: query.sort, limit: query.limit });
    const body: MemoriesResponse = {
      available: true,
      stats: await view.stats(),
      query: q,
      items: found.map((item) => ({ ...item, injected: view.injection(item) })),
      injection: search
        ? { block: search.block, reason: search.reason, bestSimilarity: search.bestSimilarity }
        : null,
      tau: ctx.deps.effective.config.retrieval.tau,
    };
    return c.json(body);
  });

  app.delete("/api/memories/:id", async (c) => {
    const home = ctx.home(c);
    const id = parseId(c);
    const view = await openView(ctx, home.dir);
    if (typeof view === "string") throw new RangeError(view);
    if (!(await view.forget(id))) throw new RangeError(`no memory "${id}" in ${home.label}`);
    const body: ForgetResponse = { id, forgotten: true };
    return c.json(body);
  });
}
