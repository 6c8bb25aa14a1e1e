import type { Hono } from "hono";
import { z } from "zod";
import { decideReview } from "../evolve/mod.ts";
import { type Gene, loadGenes } from "../gep/mod.ts";
import type { ReviewItem } from "../state/mod.ts";
import { readPrompt } from "./events_route.ts";
import { parseId, type RouteContext } from "./_route_context.ts";

/** A pending evolution with what a person needs to judge it. */
export interface ReviewEntry extends ReviewItem {
  /** The cluster's template (untrusted text from logs), when it is a cluster. */
  readonly template: string | null;
  readonly gene: Pick<Gene, "id" | "title" | "category" | "strategy" | "preconditions"> | null;
  /** The plan: the GEP prompt written for it (bounded). */
  readonly prompt: string | null;
  readonly promptTruncated: boolean;
}

/** `GET /api/review`. */
export interface ReviewResponse {
  readonly items: readonly ReviewEntry[];
}

/** `POST /api/review/:id` with `{ "verdict": "approve" | "reject" }`. */
export const VerdictSchema = z.strictObject({ verdict: z.enum(["approve", "reject"]) });

/** What deciding did. */
export interface VerdictResponse {
  readonly id: string;
  readonly verdict: "approve" | "reject";
  /** applied, validated, rolled_back or rejected. */
  readonly status: string;
  /** The event that records the verdict. */
  readonly eventId: string;
  readonly reasons: readonly string[];
}

/** Registers the review queue: list, and approve / reject (the same effect as `lshml review`). */
export function registerReview(app: Hono, ctx: RouteContext): void {
  app.get("/api/review", async (c) => {
    const home = ctx.home(c);
    const read = ctx.reader(home.dir);
    const [[state, registry], genes] = await Promise.all([
      read.consistent((r) => Promise.all([r.state(), r.clusters()])),
      loadGenes(home.dir, { now: ctx.deps.now }),
    ]);
    const today = ctx.deps.now();
    const items = await Promise.all(state.evolution.review.map(async (item) => {
      const gene = genes.find((g) => g.id === item.geneId);
      const prompt = await readPrompt(home.dir, item.id);
      const entry: ReviewEntry = {
        ...item,
        template: item.clusterId ? registry.get(item.clusterId, today)?.template ?? null : null,
        gene: gene
          ? {
            id: gene.id,
            title: gene.title,
            category: gene.category,
            strategy: gene.strategy,
            preconditions: gene.preconditions,
          }
          : null,
        prompt: prompt.text,
        promptTruncated: prompt.truncated,
      };
      return entry;
    }));
    const body: ReviewResponse = { items };
    return c.json(body);
  });

  app.post("/api/review/:id", async (c) => {
    const home = ctx.home(c);
    const id = parseId(c);
    const { verdict } = VerdictSchema.parse(await c.req.json().catch(() => ({})));
    if (verdict === "approve") await ctx.deps.beforeApprove?.();
    const result = await decideReview({
      home: home.dir,
      id,
      verdict,
      config: ctx.deps.effective.config,
      now: ctx.deps.now,
      ...ctx.deps.review,
    });
    const body: VerdictResponse = {
      id,
      verdict,
      status: result.event.outcome.status,
      eventId: result.event.id,
      reasons: result.execute?.reasons ?? [],
    };
    return c.json(body);
  });
}
