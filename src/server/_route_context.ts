import type { Context } from "hono";
import { z } from "zod";
import type { DashboardDeps, DashboardHome } from "./dashboard_deps.ts";
import { HomeReader } from "./home_reader.ts";

/** What every route works with: the injected dependencies and one cached reader per home. */
export interface RouteContext {
  readonly deps: DashboardDeps;
  reader(dir: string): HomeReader;
  /** The home a request asks for with `?home=` (default: the configured home). */
  home(c: Context): DashboardHome;
}

/** `?home=home|demo`. */
export const HomeQuerySchema = z.object({ home: z.enum(["home", "demo"]).default("home") });

/** An id in a path: what the engine gives out (`ev-000012`, `c05fp9c1pvvq`, a memory id). */
export const IdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, {
  message: "expected an id of letters, digits and . _ : - (at most 128)",
});

/** Parses the query string with `schema`; a ZodError becomes a 400 naming the parameter. */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  return schema.parse(c.req.query());
}

/** Parses one path parameter as an id. */
export function parseId(c: Context, name = "id"): string {
  return z.object({ [name]: IdSchema }).parse(c.req.param())[name] as string;
}

/** Builds the route context for `deps`. */
export function routeContext(deps: DashboardDeps): RouteContext {
  const readers = new Map<string, HomeReader>();
  const reader = (dir: string) => {
    let found = readers.get(dir);
    if (!found) readers.set(dir, found = new HomeReader(dir, deps.now));
    return found;
  };
  return {
    deps,
    reader,
    home(c) {
      const { home } = parseQuery(c, HomeQuerySchema.loose());
      const found = deps.homes.find((h) => h.id === home);
      if (!found) throw new RangeError(`no home "${home}" here`);
      return found;
    },
  };
}
