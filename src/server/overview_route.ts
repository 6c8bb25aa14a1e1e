import type { Hono } from "hono";
import type { TrainingRecord } from "../learn/mod.ts";
import {
  type DataFileId,
  dataFilePath,
  type FileHealth,
  inspectFile,
  setAsideCopies,
} from "../store/mod.ts";
import type { RouteContext } from "./_route_context.ts";
import { type EventRow, eventRow } from "./event_rows.ts";
import { type FeedbackTimeline, feedbackTimeline } from "./feedback_timeline.ts";
import { type KnowledgeHealth, knowledgeHealth } from "./knowledge_health.ts";
import type { MemoryStats } from "./memory_view.ts";

/** The memory at a glance, or why there is nothing to show. */
export type MemorySummary =
  | { readonly available: true; readonly stats: MemoryStats }
  | { readonly available: false; readonly reason: string };

/** One data file the learning depends on, and whether it is healthy. */
export interface FileStatus {
  readonly file: string;
  readonly health: FileHealth;
  /** Quarantined copies and torn tails next to it, to review. */
  readonly setAside: readonly string[];
}

/** `GET /api/overview`: is the engine getting smarter? */
export interface OverviewResponse {
  readonly cycles: number;
  readonly lastCycleAt: string | null;
  readonly feedback: FeedbackTimeline;
  readonly predictor: {
    readonly space: string | null;
    readonly k: number;
    readonly examples: number;
    readonly proven: number;
    readonly failed: number;
    readonly accuracy: number | null;
    readonly history: readonly TrainingRecord[];
  };
  readonly knowledge: KnowledgeHealth;
  readonly files: readonly FileStatus[];
  readonly memory: MemorySummary;
  readonly clusters: { readonly total: number; readonly recurring: number };
  /** Per recent cycle: how many clusters occurred, and what was decided. */
  readonly cycleLog: readonly {
    readonly cycle: number;
    readonly seen: number;
    readonly intent: string | null;
    readonly geneId: string | null;
  }[];
  readonly events: readonly EventRow[];
  readonly eventsTotal: number;
  readonly pendingReviews: number;
}

/** Recent events shown on the overview. */
const RECENT_EVENTS = 8;
/** The files the learning lives in. */
const LEARNING_FILES: readonly DataFileId[] = ["knowledge", "predictor", "feedback", "state"];

async function fileStatuses(home: string): Promise<FileStatus[]> {
  return await Promise.all(LEARNING_FILES.map(async (id) => {
    const path = dataFilePath(home, id);
    const kind = id === "feedback" ? "jsonl" : "json";
    return {
      file: path.slice(home.length + 1),
      health: await inspectFile(path, kind),
      setAside: await setAsideCopies(path),
    };
  }));
}

/** The memory's numbers, through the injected opener. */
export async function memorySummary(ctx: RouteContext, home: string): Promise<MemorySummary> {
  if (!ctx.deps.memory) {
    return { available: false, reason: "this lshml has no episodic memory module yet" };
  }
  const view = await ctx.deps.memory(home);
  if ("unavailable" in view) return { available: false, reason: view.unavailable };
  return { available: true, stats: await view.stats() };
}

/** Registers `GET /api/overview`. */
export function registerOverview(app: Hono, ctx: RouteContext): void {
  app.get("/api/overview", async (c) => {
    const home = ctx.home(c);
    const read = ctx.reader(home.dir);
    const [{ state, kb, predictor, registry, outcomes, events }, files, memory] = await Promise.all(
      [
        read.consistent(async (r) => {
          const [state, kb, predictor, registry, outcomes, events] = await Promise.all([
            r.state(),
            r.knowledge(),
            r.predictor(),
            r.clusters(),
            r.outcomes(),
            r.events(),
          ]);
          return { state, kb, predictor, registry, outcomes, events };
        }),
        fileStatuses(home.dir),
        memorySummary(ctx, home.dir),
      ],
    );
    const clusters = registry.list(ctx.deps.now());
    const inSpace = predictor.examples.filter((e) => e.space === predictor.space);
    const evolution = state.evolution;
    const body: OverviewResponse = {
      cycles: evolution.cycle,
      lastCycleAt: evolution.lastCycleAt ?? null,
      feedback: feedbackTimeline({
        cycles: evolution.cycle,
        fixes: evolution.fixes,
        outcomes,
        history: evolution.history,
      }),
      predictor: {
        space: predictor.space,
        k: predictor.params.k,
        examples: inSpace.length,
        proven: inSpace.filter((e) => e.outcome === "proven").length,
        failed: inSpace.filter((e) => e.outcome === "failed").length,
        accuracy: predictor.history.at(-1)?.looAccuracy ?? null,
        history: predictor.history,
      },
      knowledge: knowledgeHealth(kb, clusters),
      files,
      memory,
      clusters: { total: clusters.length, recurring: clusters.filter((c) => c.count >= 2).length },
      cycleLog: evolution.history.map((h) => ({
        cycle: h.cycle,
        seen: h.seen,
        intent: h.intent,
        geneId: h.geneId,
      })),
      events: events.events.slice(-RECENT_EVENTS).map(eventRow).reverse(),
      eventsTotal: events.events.length,
      pendingReviews: evolution.review.length,
    };
    return c.json(body);
  });
}
