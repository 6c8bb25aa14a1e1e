import type { EffectiveConfig } from "../config/mod.ts";
import type { SandboxReport } from "../sandbox/mod.ts";
import type { MemoryOpener } from "./memory_view.ts";

/** A home the dashboard can show: the configured one, or the demo home beside it. */
export interface DashboardHome {
  /** `home` or `demo`: what the page sends as `?home=`. */
  readonly id: "home" | "demo";
  readonly dir: string;
  /** For people: "your home", "the demo home (lshml demo)". */
  readonly label: string;
}

/** What changed in a home, as pushed to the page over server-sent events. */
export interface ChangeEvent {
  readonly homeDir: string;
  /** The pages whose data changed: overview, clusters, memories, events, review, settings. */
  readonly topics: readonly Topic[];
  /** The files that changed, relative to the home. */
  readonly files: readonly string[];
}

/** A part of the page that refetches when its files change. */
export type Topic = "overview" | "clusters" | "memories" | "events" | "review" | "settings";

/** Tells subscribers when a home's files change (by any process: a cycle, the plugin, us). */
export interface ChangeNotifier {
  /** Calls `listener` for each change in `homeDir` until the returned function is called. */
  subscribe(homeDir: string, listener: (event: ChangeEvent) => void): () => void;
}

/**
 * Who may talk to the dashboard. `loopback`: only requests whose Host is this machine's loopback
 * name and port (no DNS rebinding). `token`: any host, but every request carries the token.
 */
export type AccessPolicy =
  | { readonly kind: "loopback"; readonly port: number }
  | { readonly kind: "token"; readonly token: string };

/** Reads the dashboard's static files (from the checkout, or embedded in the binary). */
export type StaticReader = (path: string) => Promise<Uint8Array | undefined>;

/** Everything the dashboard's app works with, injected so tests can pass their own. */
export interface DashboardDeps {
  /** The configured home first; the demo home when there is one. */
  readonly homes: readonly DashboardHome[];
  /** The effective configuration and where each value came from (settings page). */
  readonly effective: EffectiveConfig;
  readonly now: () => Date;
  readonly changes: ChangeNotifier;
  readonly access: AccessPolicy;
  /** Static files of `dashboard/`; absent serves only the API. */
  readonly staticFiles?: StaticReader;
  /** The episodic memory of a home; absent when this lshml has none. */
  readonly memory?: MemoryOpener;
  /** The sandbox as it is (settings page); absent when not under Deno. */
  readonly sandbox?: (homeDir: string) => Promise<SandboxReport | undefined>;
  /**
   * Runs before an approval takes effect, e.g. to check that execute mode's permissions are
   * granted; throws to refuse.
   */
  readonly beforeApprove?: () => Promise<void>;
  /** Execute mode: the workspace and lshml's own checkout, as `lshml review` passes them. */
  readonly review?: { readonly workspace?: string; readonly engineRoot?: string };
  /** The per-process secret the page sends back on every state-changing request. */
  readonly csrfToken: string;
  /** Where server errors are logged (stderr in the CLI). */
  readonly log?: (message: string) => void;
  /** Closes every open event stream (server shutdown). */
  readonly closing?: AbortSignal;
  /** lshml's version, shown in the page footer. */
  readonly version: string;
}
