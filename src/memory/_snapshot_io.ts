import { open, readdir, stat, unlink } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { readVersioned, StoreCorruptError, writeFileAtomic, writeVersioned } from "../store/mod.ts";
import { encodeTexts, type Entry, StoredEntry, type TextTable } from "./_entry.ts";
import { type FittedStatistics, MemoryState } from "./_memory_state.ts";
import { type Columns, emptyColumns, type Snapshot, SnapshotFile } from "./_snapshot_file.ts";
import { type LogTail, readLogTail } from "./_op_log.ts";
import { GENERATION_FILE, ORPHAN_TEMP, type StorePaths } from "./_store_paths.ts";
import {
  decodeSidecar,
  encodeSidecar,
  type SidecarRow,
  type SidecarSections,
} from "./_sidecar_file.ts";
import { sketchWidthFor } from "./_vector_index.ts";

/** A snapshot read into memory, with its log's operations (not applied yet). */
export interface LoadedSnapshot {
  readonly state: MemoryState;
  readonly generation: number;
  /** The generation's log, read and validated while the sidecar was still arriving. */
  readonly tail: LogTail;
  /** Bytes of metadata + sidecar: what the compaction threshold is measured against. */
  readonly bytes: number;
}

/**
 * Reads the snapshot into a fresh state. The newest sidecar on disk (almost always the
 * metadata's own generation; otherwise that one is read after) is read on I/O threads while
 * the main thread parses the metadata, builds the memories and parses the log, so the
 * sidecar's ~135 MB (50k memories) cost little wall time. The log's operations are returned,
 * for the caller to apply. Returns "retry" when the sidecar vanished: another
 * process compacted between the reads, so the caller starts over.
 *
 * @throws {StoreCorruptError} when the metadata is unreadable (moved aside by the store) or the
 * sidecar does not match it.
 */
export async function readSnapshot(
  paths: StorePaths,
  options: {
    readonly kernel: "auto" | "js";
    readonly now: () => Date;
    /** The caller holds the store's lock (the store's quarantine takes the same lock). */
    readonly holdingLock: boolean;
  },
): Promise<LoadedSnapshot | "retry"> {
  const sidecar = readNewestSidecar(paths);
  // Awaited below; this only keeps an early failure from being reported as unhandled meanwhile.
  sidecar.catch(() => undefined);
  const { value: doc, existed } = await readVersioned(paths.meta, SnapshotFile, {
    now: options.now,
    holdingLock: options.holdingLock,
  });
  const state = new MemoryState(options.kernel);
  const tail = await readLogTail(paths.log(doc.generation), 0);
  if (!existed) return { state, generation: 0, bytes: 0, tail };
  const texts = { offsets: new Uint32Array(1), bytes: new Uint8Array(0) }; // filled below
  const groups = groupEntries(doc, texts, paths);
  for (const group of groups) state.addLoaded(group.entries);
  const rows = doc.memories.id.length;
  const newest = await sidecar;
  const bytes = rows === 0
    ? new Uint8Array(0)
    : newest?.generation === doc.generation
    ? newest.bytes
    : await readIfThere(paths.sidecar(doc.generation));
  if (bytes === undefined) return "retry";
  const sections = rows === 0 ? undefined : decodeSidecar(bytes, shapeOf(doc));
  if (typeof sections === "string") {
    throw new StoreCorruptError(paths.sidecar(doc.generation), `the sidecar: ${sections}`);
  }
  if (sections !== undefined) {
    Object.assign(texts, sections.texts);
    adoptVectors(state, groups, sections);
  }
  restoreCounters(state, doc);
  const size = bytes.length + await sizeOf(paths.meta);
  return { state, generation: doc.generation, bytes: size, tail };
}

function shapeOf(doc: Snapshot) {
  return {
    generation: doc.generation,
    rows: doc.memories.id.length,
    vectorFloats: doc.spaces.reduce((sum, s) => sum + s.dims * s.rows, 0),
    sketchFloats: doc.spaces.reduce((sum, s) => sum + sketchWidthFor(s.dims) * s.rows, 0),
    textBytes: doc.textBytes,
  };
}

/** The sidecar of the highest generation in the folder, if any. */
async function readNewestSidecar(
  paths: StorePaths,
): Promise<{ generation: number; bytes: Uint8Array } | undefined> {
  let names: string[];
  try {
    names = await readdir(paths.dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const generations = names.map((name) => /^episodic-memory\.sidecar\.(\d+)\.bin$/.exec(name))
    .filter((m) => m !== null).map((m) => Number(m[1]));
  if (generations.length === 0) return undefined;
  const generation = Math.max(...generations);
  const bytes = await readIfThere(paths.sidecar(generation));
  return bytes === undefined ? undefined : { generation, bytes };
}

/** Reads of at least this many bytes are split in two halves read at once. */
const SPLIT_READ_BYTES = 8 << 20;

/**
 * The whole file, or `undefined` when it does not exist. A large file is read as two halves in
 * parallel: most of the cost is the kernel mapping fresh pages, which two I/O threads share.
 */
async function readIfThere(path: string): Promise<Uint8Array | undefined> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(size);
    const half = size < SPLIT_READ_BYTES ? size : Math.floor(size / 2 / 4096) * 4096;
    await Promise.all([readRange(handle, bytes, 0, half), readRange(handle, bytes, half, size)]);
    return bytes;
  } finally {
    await handle.close();
  }
}

async function readRange(handle: FileHandle, into: Uint8Array, from: number, to: number) {
  for (let at = from; at < to;) {
    const { bytesRead } = await handle.read(into, at, to - at, at);
    if (bytesRead === 0) {
      throw new Error(`file ended at byte ${at} of ${into.length} while reading`);
    }
    at += bytesRead;
  }
}

/** One space's memories, in sidecar order. */
interface SpaceGroup {
  readonly space: string;
  readonly dims: number;
  readonly entries: Entry[];
}

/** The memories of the metadata, grouped by space as the sidecar stores them. */
function groupEntries(doc: Snapshot, texts: TextTable, paths: StorePaths): SpaceGroup[] {
  const c = doc.memories;
  let row = 0;
  const groups = doc.spaces.map((space, spaceIndex) => {
    const entries: Entry[] = [];
    for (; row < c.id.length && c.space[row] === spaceIndex; row++) {
      entries.push(entryAt(c, row, space.id, texts));
    }
    if (entries.length !== space.rows) {
      throw new StoreCorruptError(paths.meta, `space ${space.id} should have ${space.rows} rows`);
    }
    return { space: space.id, dims: space.dims, entries };
  });
  if (row !== c.id.length) {
    throw new StoreCorruptError(paths.meta, "its memories and spaces do not add up");
  }
  return groups;
}

/** Gives each space's index its rows of the sidecar. */
function adoptVectors(state: MemoryState, groups: SpaceGroup[], all: SidecarSections): void {
  let row = 0, at = 0, sketchAt = 0;
  for (const { space, dims, entries } of groups) {
    const n = entries.length, width = sketchWidthFor(dims);
    state.adoptVectors(space, dims, entries, {
      vectors: all.vectors.subarray(at, at + n * dims),
      priors: all.priors.subarray(row, row + n),
      sketches: all.sketches.subarray(sketchAt, sketchAt + n * width),
    });
    row += n;
    at += n * dims;
    sketchAt += n * width;
  }
}

function restoreCounters(state: MemoryState, doc: Snapshot): void {
  state.nextOrdinal = Math.max(state.nextOrdinal, doc.nextOrdinal);
  state.addsSinceFit = doc.addsSinceFit;
  const stats = doc.statistics;
  state.fitted = stats === null ? null : {
    documents: stats.documents,
    statistics: {
      documents: stats.documents,
      frequencies: new Map(stats.hashes.map((h, j) => [h, stats.frequencies[j]!])),
    },
  };
}

function entryAt(c: Columns, i: number, space: string, texts: TextTable): Entry {
  const fields = {
    id: c.id[i]!,
    space,
    q: c.q[i]!,
    visits: c.visits[i]!,
    selectedCount: c.selectedCount[i]!,
    successCount: c.successCount[i]!,
    failureCount: c.failureCount[i]!,
    lastReward: c.lastReward[i]!,
    createdAt: c.createdAt[i]!,
    updatedAt: c.updatedAt[i]!,
    lastUsedAt: c.lastUsedAt[i]!,
    origin: c.origin[i]!,
    ordinal: c.ordinal[i]!,
  };
  return new StoredEntry(fields, texts, i);
}

/**
 * Writes `state` as snapshot `generation`: the sidecar, an empty log, then the metadata — the
 * atomic rename of the metadata is the commit point, so a crash before it leaves the previous
 * generation whole and one after it the new one. Call under the store's lock.
 *
 * @returns the snapshot's size in bytes.
 */
export async function writeSnapshot(
  paths: StorePaths,
  state: MemoryState,
  generation: number,
  now: Date,
): Promise<number> {
  const spaces = [...state.spaces()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const columns = emptyColumns();
  const rows: SidecarRow[] = [];
  const ordered: Entry[] = [];
  const bySpace = new Map<string, Entry[]>(spaces.map(([id]) => [id, []]));
  for (const entry of state.entries.values()) bySpace.get(entry.space)?.push(entry);
  spaces.forEach(([space, index], spaceIndex) => {
    const entries = bySpace.get(space)!.sort((a, b) => a.ordinal - b.ordinal);
    for (const entry of entries) {
      pushColumns(columns, entry, spaceIndex);
      rows.push(index.rowOf(entry.id)!);
      ordered.push(entry);
    }
  });
  const texts = encodeTexts(ordered);
  const sidecar = encodeSidecar(generation, rows, texts);
  const doc: Snapshot = {
    version: 1,
    generation,
    writtenAt: now.toISOString(),
    nextOrdinal: state.nextOrdinal,
    addsSinceFit: state.addsSinceFit,
    spaces: spaces.map(([id, index]) => ({ id, dims: index.dims, rows: index.size })),
    textBytes: texts.bytes.length,
    statistics: statisticsColumns(state.fitted),
    memories: columns,
  };
  await writeFileAtomic(paths.sidecar(generation), sidecar);
  await writeFileAtomic(paths.log(generation), "");
  await writeVersioned(paths.meta, SnapshotFile, doc);
  return sidecar.length + await sizeOf(paths.meta);
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}

function statisticsColumns(fitted: FittedStatistics | null): Snapshot["statistics"] {
  if (fitted === null) return null;
  const pairs = [...fitted.statistics.frequencies].sort((a, b) => a[0] - b[0]);
  return {
    documents: fitted.documents,
    hashes: pairs.map((p) => p[0]),
    frequencies: pairs.map((p) => p[1]),
  };
}

function pushColumns(c: Columns, e: Entry, space: number): void {
  c.id.push(e.id);
  c.space.push(space);
  c.q.push(e.q);
  c.visits.push(e.visits);
  c.selectedCount.push(e.selectedCount);
  c.successCount.push(e.successCount);
  c.failureCount.push(e.failureCount);
  c.lastReward.push(e.lastReward);
  c.createdAt.push(e.createdAt);
  c.updatedAt.push(e.updatedAt);
  c.lastUsedAt.push(e.lastUsedAt);
  c.origin.push(e.origin);
  c.ordinal.push(e.ordinal);
}

/**
 * Deletes the sidecars and logs of every generation but `keep`, and temporary files of killed
 * atomic writes. Call under the store's lock (no live writer's file can be taken then); torn
 * tails set aside (`*.torn-*`) are kept, as everywhere in the store.
 */
export async function removeStaleFiles(paths: StorePaths, keep: number): Promise<number> {
  const names = await readdir(paths.dir);
  const stale = names.filter((name) => {
    const match = GENERATION_FILE.exec(name);
    if (match) return Number(match[1] ?? match[2]) !== keep;
    return ORPHAN_TEMP.test(name);
  });
  await Promise.all(stale.map((name) => unlinkIfThere(join(paths.dir, name))));
  return stale.length;
}

async function unlinkIfThere(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
