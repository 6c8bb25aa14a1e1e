import type { Hono } from "hono";

/** Where and how long to serve. */
export interface ServeOptions {
  readonly hostname: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Aborting it stops accepting connections and ends the server once open requests finish. */
  readonly signal: AbortSignal;
}

/** A dashboard that is listening. */
export interface RunningDashboard {
  /** `http://127.0.0.1:8420/` (IPv6 addresses in brackets). */
  readonly url: string;
  readonly port: number;
  /** Settles when the server has stopped. */
  readonly finished: Promise<void>;
}

/**
 * Serves `app` with `Deno.serve` until `signal` aborts. Event streams must end on the same signal
 * (see `DashboardDeps.closing`), or shutting down waits for them.
 *
 * @throws {Deno.errors.AddrInUse} when the port is taken.
 *
 * @example
 * ```ts
 * const stop = new AbortController();
 * const running = serveDashboard(app, { hostname: "127.0.0.1", port: 8420, signal: stop.signal });
 * ```
 */
export function serveDashboard(app: Hono, options: ServeOptions): RunningDashboard {
  const server = Deno.serve({
    hostname: options.hostname,
    port: options.port,
    signal: options.signal,
    onListen: () => {}, // the command says where it listens, in its own words
  }, app.fetch);
  const addr = server.addr;
  const host = addr.hostname.includes(":") ? `[${addr.hostname}]` : addr.hostname;
  return { url: `http://${host}:${addr.port}/`, port: addr.port, finished: server.finished };
}
