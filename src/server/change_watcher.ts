import { readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ChangeEvent, ChangeNotifier, Topic } from "./dashboard_deps.ts";

/**
 * The files of a home the page shows, and the parts of the page each one feeds. Several processes
 * write them (a cron cycle, the plugin host, this dashboard), so they are watched by polling their
 * size and modification time: simple, and it sees every writer alike. A `*` stands for any
 * characters but `/` (the episodic memory's operations log is numbered by snapshot generation).
 */
export const WATCHED_FILES: Readonly<Record<string, readonly Topic[]>> = {
  "memory/state.json": ["overview", "clusters", "review"],
  "memory/feedback.jsonl": ["overview", "clusters"],
  "memory/knowledge.json": ["overview", "clusters"],
  "memory/predictor.json": ["overview"],
  "memory/cluster-registry.json": ["overview", "clusters"],
  "memory/episodic-memory.json": ["overview", "memories"],
  "memory/episodic-memory.ops.*.jsonl": ["overview", "memories"],
  "assets/gep/events.jsonl": ["overview", "events"],
  "assets/gep/capsules.json": ["events"],
  "config.json": ["settings"],
};

/** How often the files are looked at: once a second is live enough and costs a few stat calls. */
export const POLL_INTERVAL_MS = 1000;

type Snapshot = Map<string, string>;

async function fingerprint(path: string): Promise<string> {
  try {
    const info = await stat(path);
    return `${info.mtimeMs}:${info.size}:${info.ino ?? 0}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    return `error:${(error as Error).message}`;
  }
}

/** `memory/episodic-memory.ops.*.jsonl` → the matching files' fingerprints, joined. */
async function patternFingerprint(homeDir: string, pattern: string): Promise<string> {
  const dir = dirname(pattern);
  const name = new RegExp(
    `^${
      pattern.slice(dir.length + 1).replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")
    }$`,
  );
  let names: string[];
  try {
    names = (await readdir(join(homeDir, dir))).filter((n) => name.test(n)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    return `error:${(error as Error).message}`;
  }
  const parts = await Promise.all(
    names.map(async (n) => `${n}=${await fingerprint(join(homeDir, dir, n))}`),
  );
  return parts.join(";");
}

async function snapshot(homeDir: string, files: readonly string[]): Promise<Snapshot> {
  const entries = await Promise.all(files.map(async (file) => {
    const print = file.includes("*")
      ? await patternFingerprint(homeDir, file)
      : await fingerprint(join(homeDir, file));
    return [file, print] as const;
  }));
  return new Map(entries);
}

interface Watched {
  last: Snapshot | undefined;
  readonly listeners: Set<(event: ChangeEvent) => void>;
}

/** A {@link ChangeNotifier} that polls, plus a way to stop it. */
export interface PollingWatcher extends ChangeNotifier {
  /** Looks at every watched home now and notifies; the timer calls this each interval. */
  poll(): Promise<void>;
  /** Stops polling and drops every subscriber. */
  close(): void;
}

/**
 * Watches homes for changes by polling {@link WATCHED_FILES}. A home is polled only while
 * someone is subscribed to it, and the timer runs only while there is any subscriber.
 *
 * @example
 * ```ts
 * const watcher = pollingWatcher();
 * const stop = watcher.subscribe(home, (e) => console.log(e.topics));
 * ```
 */
export function pollingWatcher(
  options: { readonly intervalMs?: number; readonly files?: typeof WATCHED_FILES } = {},
): PollingWatcher {
  const files = options.files ?? WATCHED_FILES;
  const names = Object.keys(files);
  const homes = new Map<string, Watched>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let polling: Promise<void> | undefined;

  async function pollHome(homeDir: string, watched: Watched) {
    const now = await snapshot(homeDir, names);
    const before = watched.last;
    watched.last = now;
    if (!before) return;
    const changed = names.filter((name) => before.get(name) !== now.get(name));
    if (changed.length === 0) return;
    const topics = [...new Set(changed.flatMap((name) => files[name] ?? []))];
    const event: ChangeEvent = { homeDir, topics, files: changed };
    for (const listener of watched.listeners) listener(event);
  }

  function poll(): Promise<void> {
    // Never two polls at once: a slow disk must not pile them up.
    polling ??= Promise.all([...homes].map(([dir, w]) => pollHome(dir, w)))
      .then(() => undefined)
      .finally(() => (polling = undefined));
    return polling;
  }

  function stopTimerIfIdle() {
    if (homes.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  }

  return {
    subscribe(homeDir, listener) {
      let watched = homes.get(homeDir);
      if (!watched) {
        homes.set(homeDir, watched = { last: undefined, listeners: new Set() });
        const fresh = watched;
        // The first look is the baseline; only differences from it are changes.
        snapshot(homeDir, names).then((s) => (fresh.last ??= s));
      }
      watched.listeners.add(listener);
      timer ??= setInterval(() => void poll(), options.intervalMs ?? POLL_INTERVAL_MS);
      return () => {
        watched.listeners.delete(listener);
        if (watched.listeners.size === 0) homes.delete(homeDir);
        stopTimerIfIdle();
      };
    },
    poll,
    close() {
      homes.clear();
      stopTimerIfIdle();
    },
  };
}
