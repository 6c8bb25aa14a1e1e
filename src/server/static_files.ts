import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Context } from "hono";
import type { StaticReader } from "./dashboard_deps.ts";

/** The kinds of file the dashboard serves, and nothing else (no README, no source maps). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** A path the dashboard may serve: lower-case names, one dot before the extension, no `..`. */
const SAFE_PATH = /^\/(?:[a-z0-9_-]+\/)*[a-z0-9_-]+\.[a-z]+$/;

/**
 * Reads the dashboard's files from a folder: the checkout's `dashboard/`, or the same folder
 * embedded in the compiled binary (`deno compile --include dashboard`), which `node:fs` reads
 * alike.
 */
export function folderReader(dir: string): StaticReader {
  return async (path) => {
    try {
      return await readFile(join(dir, path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR") return undefined;
      throw error;
    }
  };
}

/** The content type for a path the dashboard serves, or undefined if it does not serve it. */
export function contentTypeOf(path: string): string | undefined {
  if (!SAFE_PATH.test(path)) return undefined;
  return CONTENT_TYPES[path.slice(path.lastIndexOf("."))];
}

/**
 * Answers GET requests for the dashboard's static files: `/` is `index.html`; anything whose
 * name or type is not on the list is a 404, whatever exists on disk.
 */
export async function serveStatic(c: Context, read: StaticReader): Promise<Response> {
  const path = c.req.path === "/" ? "/index.html" : c.req.path;
  const type = contentTypeOf(path);
  const body = type ? await read(path.slice(1)) : undefined;
  if (!type || !body) return c.json({ error: `not found: ${c.req.path}` }, 404);
  return c.body(body as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": type,
    // Small local files: always revalidate, so an upgraded lshml shows its new page at once.
    "Cache-Control": "no-cache",
  });
}
