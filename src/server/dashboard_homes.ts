import { join } from "node:path";
import { pathExists } from "../store/mod.ts";
import type { DashboardHome } from "./dashboard_deps.ts";
import type { HomeReader } from "./home_reader.ts";

/** Marks the folder `lshml demo` made (the same marker the demo command writes). */
export const DEMO_MARKER = ".lshml-demo";

/** Where `lshml demo` keeps its home, under the configured home. */
export function demoHomeDir(homeDir: string): string {
  return join(homeDir, "memory", "demo");
}

/**
 * The homes the dashboard offers: the configured one, and the demo home inside it (`lshml demo`
 * writes to `<home>/memory/demo`). The demo home is offered whenever it carries the demo's marker,
 * even if the demo runs only after the dashboard started.
 */
export function dashboardHomes(homeDir: string): DashboardHome[] {
  return [
    { id: "home", dir: homeDir, label: "your home" },
    { id: "demo", dir: demoHomeDir(homeDir), label: "the demo home (lshml demo)" },
  ];
}

/** One home as `/api/session` describes it. */
export interface HomeStatus extends DashboardHome {
  /** The demo home exists only after `lshml demo`; the configured home is always offered. */
  readonly available: boolean;
  /** Evolution cycles recorded there. */
  readonly cycles: number;
}

/** Whether each home is there, and how many cycles it has seen. */
export async function homeStatuses(
  homes: readonly DashboardHome[],
  reader: (dir: string) => HomeReader,
): Promise<HomeStatus[]> {
  return await Promise.all(homes.map(async (home) => {
    const available = home.id === "home" || await pathExists(join(home.dir, DEMO_MARKER));
    const cycles = available ? (await reader(home.dir).state()).evolution.cycle : 0;
    return { ...home, available, cycles };
  }));
}

/**
 * Which home the page opens on: the configured one, unless it has never run a cycle and the demo
 * home has — then a newcomer who just ran `deno task demo` sees the demo's learning at once
 * (and a banner that says so, with a switch).
 */
export function preferredHome(statuses: readonly HomeStatus[]): HomeStatus["id"] {
  const home = statuses.find((s) => s.id === "home");
  const demo = statuses.find((s) => s.id === "demo");
  if (home && home.cycles === 0 && demo?.available && demo.cycles > 0) return "demo";
  return "home";
}
