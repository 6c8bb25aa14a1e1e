import type { HubBindings } from "./hub_app.ts";

/** Where and how to serve. */
export interface ServeHubOptions {
  readonly hostname: string;
  /** 0 picks a free port (the address is in the result). */
  readonly port: number;
}

/** A running hub server. */
export interface ServedHub {
  readonly hostname: string;
  readonly port: number;
  /** Settles when the server has stopped. */
  readonly finished: Promise<void>;
  /** Stops accepting connections and waits for the requests in flight. */
  shutdown(): Promise<void>;
}

/** What is served: a hono app, or anything with its `fetch`. */
export interface FetchApp {
  fetch(request: Request, bindings: HubBindings): Response | Promise<Response>;
}

/**
 * Serves a hub app with `Deno.serve` — the one adapter between the hub and a runtime's HTTP
 * server (DESIGN §2: hono served with Deno.serve). Each request's peer address goes to the app
 * as the `remoteAddr` binding (the registration rate limit uses it).
 *
 * @throws {TypeError} outside Deno.
 * @example
 * ```ts
 * const served = serveHub(createHubApp({ hub }), { hostname: "127.0.0.1", port: 8421 });
 * await served.shutdown();
 * ```
 */
export function serveHub(app: FetchApp, options: ServeHubOptions): ServedHub {
  const deno = (globalThis as { Deno?: typeof Deno }).Deno;
  if (!deno?.serve) throw new TypeError("lshml hub serve needs Deno (Deno.serve is missing)");
  const server = deno.serve(
    { hostname: options.hostname, port: options.port, onListen: () => undefined },
    (request, info) => {
      const bindings: HubBindings = {
        remoteAddr: "hostname" in info.remoteAddr ? info.remoteAddr.hostname : "unix",
      };
      return app.fetch(request, bindings);
    },
  );
  const addr = server.addr as Deno.NetAddr;
  return {
    hostname: addr.hostname,
    port: addr.port,
    finished: server.finished,
    shutdown: () => server.shutdown(),
  };
}
