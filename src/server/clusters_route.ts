import type { Hono } from "hono";
import type { RouteContext } from "./_route_context.ts";
import { type ClusterRow, clusterRows } from "./cluster_rows.ts";

/** `GET /api/clusters`: every cluster, most frequent first. */
export interface ClustersResponse {
  readonly rows: readonly ClusterRow[];
  /** Recorded merges of two clusters that meant the same error. */
  readonly merges: number;
}

/** Registers `GET /api/clusters`. */
export function registerClusters(app: Hono, ctx: RouteContext): void {
  app.get("/api/clusters", async (c) => {
    const read = ctx.reader(ctx.home(c).dir);
    const [state, registry, outcomes, kb] = await read.consistent((r) =>
      Promise.all([r.state(), r.clusters(), r.outcomes(), r.knowledge()])
    );
    const today = ctx.deps.now();
    const body: ClustersResponse = {
      rows: clusterRows({
        clusters: registry.list(today),
        fixes: state.evolution.fixes,
        outcomes,
        kb,
        today,
      }),
      merges: registry.merges().length,
    };
    return c.json(body);
  });
}
