import type { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { RouteContext } from "./_route_context.ts";
import type { ChangeEvent } from "./dashboard_deps.ts";

/** The data of a `changed` event: which parts of the page to refetch. */
export interface ChangedMessage {
  readonly home: string;
  readonly topics: readonly string[];
  readonly files: readonly string[];
}

/** A comment line this often keeps proxies and the browser from timing the stream out. */
export const HEARTBEAT_MS = 15_000;
/** How long the browser waits before reconnecting after the stream drops. */
const RETRY_MS = 2000;

function merge(events: readonly ChangeEvent[]): Pick<ChangedMessage, "topics" | "files"> {
  return {
    topics: [...new Set(events.flatMap((e) => e.topics))],
    files: [...new Set(events.flatMap((e) => e.files))],
  };
}

/**
 * Registers `GET /api/changes?home=…`, a server-sent event stream: `ready` once, then `changed`
 * with the topics whose files changed on disk (whoever wrote them: a cron cycle, the plugin host,
 * or this dashboard), and a heartbeat comment while nothing happens. The page refetches only
 * what changed.
 */
export function registerChanges(app: Hono, ctx: RouteContext): void {
  app.get("/api/changes", (c) => {
    const home = ctx.home(c);
    return streamSSE(c, async (stream) => {
      const pending: ChangeEvent[] = [];
      let wake = () => {};
      let open = true;
      const stop = () => {
        open = false;
        wake();
      };
      const unsubscribe = ctx.deps.changes.subscribe(home.dir, (event) => {
        pending.push(event);
        wake();
      });
      stream.onAbort(stop);
      ctx.deps.closing?.addEventListener("abort", stop, { once: true });
      try {
        await stream.writeSSE({
          event: "ready",
          data: JSON.stringify({ home: home.id }),
          retry: RETRY_MS,
        });
        while (open && !ctx.deps.closing?.aborted) {
          if (pending.length === 0) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, HEARTBEAT_MS);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
          }
          if (!open) break;
          if (pending.length === 0) {
            await stream.write(": ping\n\n");
            continue;
          }
          const message: ChangedMessage = { home: home.id, ...merge(pending.splice(0)) };
          await stream.writeSSE({ event: "changed", data: JSON.stringify(message) });
        }
      } finally {
        unsubscribe();
        ctx.deps.closing?.removeEventListener("abort", stop);
      }
    });
  });
}
