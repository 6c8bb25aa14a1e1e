import { stat } from "node:fs/promises";
import { ClusterRegistry, ClusterRegistryFile } from "../cluster/mod.ts";
import { type Capsule, readCapsules, readEvents, type ReadEventsResult } from "../gep/mod.ts";
import {
  type FixOutcome,
  FixOutcomeSchema,
  type KnowledgeBase,
  KnowledgeFile,
  type Predictor,
  PredictorFile,
} from "../learn/mod.ts";
import { type EngineState, EngineStateFile } from "../state/mod.ts";
import { engineJournalPath } from "../scan/mod.ts";
import { type DataFileId, dataFilePath, readJsonl, readVersioned } from "../store/mod.ts";

/** The files one engine commit changes together (DESIGN §4: scan, cycle, review). */
const ENGINE_FILES: readonly DataFileId[] = [
  "state",
  "knowledge",
  "predictor",
  "clusterRegistry",
  "feedback",
  "events",
  "capsules",
];
/** Tries before a read settles for what it saw (a cycle commits in milliseconds). */
const CONSISTENT_TRIES = 20;
const RETRY_MS = 25;

/** A file's identity for caching: changes whenever a writer replaces or appends to it. */
async function fingerprint(path: string): Promise<string> {
  try {
    const info = await stat(path);
    return `${info.mtimeMs}:${info.size}:${info.ino ?? 0}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
}

/**
 * Read-only access to one home's data files for the dashboard, through the engine's own readers
 * (same schemas, same migrations, same quarantine of a corrupt file). Each file is parsed again
 * only when it changed on disk, so the page can refetch on every change event cheaply.
 *
 * It never writes and never takes a lock, so a running cycle never waits for the page. Each file
 * is replaced atomically, so a read sees a whole old or a whole new file; {@link consistent}
 * makes a read of several files see one commit, not half of one.
 */
export class HomeReader {
  readonly dir: string;
  readonly #now: () => Date;
  readonly #cache = new Map<DataFileId, { key: string; value: Promise<unknown> }>();

  constructor(dir: string, now: () => Date) {
    this.dir = dir;
    this.#now = now;
  }

  async #cached<T>(id: DataFileId, load: (path: string) => Promise<T>): Promise<T> {
    const path = dataFilePath(this.dir, id);
    const key = await fingerprint(path);
    const hit = this.#cache.get(id);
    if (hit && hit.key === key) return await (hit.value as Promise<T>);
    const value = load(path);
    this.#cache.set(id, { key, value });
    try {
      return await value;
    } catch (error) {
      this.#cache.delete(id);
      throw error;
    }
  }

  /**
   * Runs `read` so that every file it reads belongs to the same engine commit, the way a seqlock
   * reader does: note each file's identity (and that no commit journal is pending), read, and
   * look again; if a commit happened in between, read again. After
   * {@link CONSISTENT_TRIES} busy tries it returns the last read (each file still whole).
   *
   * @example
   * ```ts
   * const { state, outcomes } = await reader.consistent(async (r) => ({
   *   state: await r.state(),
   *   outcomes: await r.outcomes(),
   * }));
   * ```
   */
  async consistent<T>(read: (reader: HomeReader) => Promise<T>): Promise<T> {
    let last: T | undefined;
    for (let attempt = 0; attempt < CONSISTENT_TRIES; attempt++) {
      const before = await this.#identities();
      if (before !== undefined) {
        last = await read(this);
        if ((await this.#identities()) === before) return last;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    return last ?? await read(this);
  }

  /** Every engine file's identity, or undefined while a commit is being applied. */
  async #identities(): Promise<string | undefined> {
    if ((await fingerprint(engineJournalPath(this.dir))) !== "missing") return undefined;
    const prints = await Promise.all(
      ENGINE_FILES.map((id) => fingerprint(dataFilePath(this.dir, id))),
    );
    return prints.join("|");
  }

  /** `memory/state.json`: cycles, watched fixes, the review queue, recent history. */
  state(): Promise<EngineState> {
    return this.#cached(
      "state",
      async (path) => (await readVersioned(path, EngineStateFile, { now: this.#now })).value,
    );
  }

  /** `memory/knowledge.json`. */
  knowledge(): Promise<KnowledgeBase> {
    return this.#cached(
      "knowledge",
      async (path) => (await readVersioned(path, KnowledgeFile, { now: this.#now })).value,
    );
  }

  /** `memory/predictor.json`. */
  predictor(): Promise<Predictor> {
    return this.#cached(
      "predictor",
      async (path) => (await readVersioned(path, PredictorFile, { now: this.#now })).value,
    );
  }

  /** `memory/cluster-registry.json` as a registry. */
  clusters(): Promise<ClusterRegistry> {
    return this.#cached("clusterRegistry", async (path) => {
      const doc = await readVersioned(path, ClusterRegistryFile, { now: this.#now });
      return ClusterRegistry.fromDocument(doc.value);
    });
  }

  /** `memory/feedback.jsonl`: every fix outcome, oldest first. */
  outcomes(): Promise<FixOutcome[]> {
    return this.#cached("feedback", async (path) => {
      return (await readJsonl(path, { schema: FixOutcomeSchema })).records;
    });
  }

  /** `assets/gep/events.jsonl`, with line numbers. */
  events(): Promise<ReadEventsResult> {
    return this.#cached("events", () => readEvents(this.dir));
  }

  /** `assets/gep/capsules.json`. */
  capsules(): Promise<Capsule[]> {
    return this.#cached("capsules", () => readCapsules(this.dir, { now: this.#now }));
  }
}
