import { join } from "node:path";
import type { Hono } from "hono";
import { CONFIG_FILE_NAME } from "../config/mod.ts";
import type { SandboxReport } from "../sandbox/mod.ts";
import { DATA_FILES, inspectFile, pathExists, setAsideCopies } from "../store/mod.ts";
import type { FileStatus } from "./overview_route.ts";
import type { RouteContext } from "./_route_context.ts";
import type { AccessPolicy } from "./dashboard_deps.ts";
import { type SettingRow, settingRows } from "./setting_rows.ts";

/** `GET /api/settings`: the effective configuration and the sandbox, read-only. */
export interface SettingsResponse {
  readonly home: string;
  readonly configFile: { readonly path: string; readonly present: boolean };
  readonly settings: readonly SettingRow[];
  readonly warnings: readonly string[];
  /** The sandbox as it is; null when not running under Deno. */
  readonly sandbox: SandboxReport | null;
  readonly files: readonly FileStatus[];
  /** How the dashboard is protected: loopback only, or a token. */
  readonly access: AccessPolicy["kind"];
  readonly version: string;
}

/** Registers `GET /api/settings`. */
export function registerSettings(app: Hono, ctx: RouteContext): void {
  app.get("/api/settings", async (c) => {
    const home = ctx.home(c);
    const configPath = join(home.dir, CONFIG_FILE_NAME);
    const [present, sandbox, files] = await Promise.all([
      pathExists(configPath),
      ctx.deps.sandbox?.(home.dir),
      Promise.all(DATA_FILES.map(async (f): Promise<FileStatus> => {
        const path = join(home.dir, f.relPath);
        return {
          file: f.relPath,
          health: await inspectFile(path, f.kind),
          setAside: await setAsideCopies(path),
        };
      })),
    ]);
    const body: SettingsResponse = {
      home: home.dir,
      configFile: { path: configPath, present },
      settings: settingRows(ctx.deps.effective),
      warnings: ctx.deps.effective.warnings,
      sandbox: sandbox ?? null,
      files,
      access: ctx.deps.access.kind,
      version: ctx.deps.version,
    };
    return c.json(body);
  });
}
