import { join } from "node:path";
import {
  createHub,
  createHubApp,
  type Hub,
  type HubLimits,
  type HubStore,
  openSqliteHubStore,
  serveHub,
} from "../../src/remote/mod.ts";
import { tempDir } from "../_helpers/cli.ts";

/** A hub with a fresh SQLite file, as an app (no port) or served on loopback. */
export interface TestHub {
  readonly dir: string;
  readonly dbPath: string;
  readonly store: HubStore;
  readonly hub: Hub;
  readonly app: ReturnType<typeof createHubApp>;
  readonly errors: string[];
  close(): Promise<void>;
}

/** A hub over a temporary SQLite file. */
export function testHub(
  limits: Partial<HubLimits> = {},
  now: () => number = Date.now,
): TestHub {
  const dir = tempDir("lshml-hub-");
  const dbPath = join(dir, "hub.sqlite");
  const store = openSqliteHubStore(dbPath);
  const hub = createHub({ store, limits, now });
  const errors: string[] = [];
  const app = createHubApp({ hub, now, log: (line) => errors.push(line) });
  return { dir, dbPath, store, hub, app, errors, close: () => store.close() };
}

/** A test hub served over real HTTP on 127.0.0.1 (a free port). */
export function servedHub(limits: Partial<HubLimits> = {}): TestHub & { baseUrl: string } {
  const test = testHub(limits);
  const served = serveHub(test.app, { hostname: "127.0.0.1", port: 0 });
  return {
    ...test,
    baseUrl: `http://127.0.0.1:${served.port}/v1`,
    close: async () => {
      await served.shutdown();
      await test.store.close();
    },
  };
}

/** A unit vector of `dims` pointing mostly along axis `axis`, tilted by `tilt` toward axis+1. */
export function axisVector(dims: number, axis: number, tilt = 0): number[] {
  const v = new Array<number>(dims).fill(0);
  v[axis % dims] = Math.cos(tilt);
  v[(axis + 1) % dims] = Math.sin(tilt);
  return v;
}

/** Seeded pseudo-random unit vectors (mulberry32, Gaussian by Box–Muller). */
export function randomVectors(count: number, dims: number, seed = 1): Float32Array[] {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  return Array.from({ length: count }, () => {
    const v = new Float32Array(dims);
    let sum = 0;
    for (let i = 0; i < dims; i++) {
      v[i] = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
      sum += v[i]! * v[i]!;
    }
    for (let i = 0; i < dims; i++) v[i] = v[i]! / Math.sqrt(sum);
    return v;
  });
}

/** JSON request helpers for `app.request`. */
export function post(path: string, body: unknown, key?: string): [string, RequestInit] {
  return [path, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  }];
}
