import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  baselineSnapshot,
  DIFF_TRUNCATION_MARKER,
  disposeSnapshot,
  measureChanges,
  readSnapshot,
  rollback,
  snapshotWorkspace,
  solidify,
  SolidifyError,
  unifiedDiff,
} from "../../src/solidify/mod.ts";
import { BUGGY_MATH, captureState, git, makeRepo, put, tempDir, VALIDATION } from "./_repo.ts";
import { GENE } from "./_scenario.ts";

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return await promise.then(() => undefined, (error: unknown) => error);
}

describe("snapshotWorkspace()", () => {
  it("refuses a folder that is not a git work tree, and a repository without commits", async () => {
    const plain = await errorOf(snapshotWorkspace(tempDir()));
    expect(plain).toBeInstanceOf(SolidifyError);
    expect((plain as SolidifyError).code).toBe("NOT_A_WORK_TREE");
    const empty = tempDir();
    git(empty, ["init", "-q"]);
    expect(await errorOf(snapshotWorkspace(empty))).toMatchObject({ code: "NO_COMMITS" });
  });

  it("refuses a work tree in the middle of a merge or with the index locked", async () => {
    const root = makeRepo();
    writeFileSync(join(root, ".git", "MERGE_HEAD"), git(root, ["rev-parse", "HEAD"]));
    expect(await errorOf(snapshotWorkspace(root))).toMatchObject({
      code: "OPERATION_IN_PROGRESS",
      message: expect.stringContaining("MERGE_HEAD"),
    });
    Deno.removeSync(join(root, ".git", "MERGE_HEAD"));
    writeFileSync(join(root, ".git", "index.lock"), "");
    expect(await errorOf(snapshotWorkspace(root))).toMatchObject({ code: "GIT_BUSY" });
  });

  it("refuses to keep its backups inside the work tree", async () => {
    const root = makeRepo();
    expect(await errorOf(snapshotWorkspace(root, { backupRoot: join(root, "drafts") })))
      .toBeInstanceOf(RangeError);
    expect(captureState(root).files["drafts"]).toBeDefined();
  });

  it("changes nothing, works from a subfolder, and can be read back by another process", async () => {
    const root = makeRepo();
    const before = captureState(root);
    const snapshot = await snapshotWorkspace(join(root, "src"), {
      now: () => new Date("2026-01-02T03:04:05Z"),
    });
    expect(captureState(root)).toEqual(before);
    expect(snapshot.root).toBe(Deno.realPathSync(root));
    expect(snapshot.createdAt).toBe("2026-01-02T03:04:05.000Z");
    expect(statSync(snapshot.backupDir).mode & 0o777).toBe(0o700);
    expect(await readSnapshot(snapshot.backupDir)).toEqual(snapshot);
    const sources = Object.fromEntries(snapshot.files.map((f) => [f.path, f.source.kind]));
    expect(sources).toMatchObject({
      "src/math.ts": "blob",
      "notes.md": "backup",
      "docs/guide.md": "backup",
      "old.txt": "none",
      "scratch.txt": "backup",
      "drafts/blob.bin": "backup",
      "readme-link": "link",
    });
    expect(snapshot.ignored).toEqual(["app.log", "build/"]);
    expect(snapshot.dirs.map((d) => d.path)).toContain("empty-dir");
    await disposeSnapshot(snapshot);
    expect(existsSync(snapshot.backupDir)).toBe(false);
    expect(await errorOf(rollback(snapshot))).toMatchObject({ code: "NOT_RESTORABLE" });
  });
});

describe("measureChanges() and unifiedDiff()", () => {
  it("sees a change that is only staged, and one that is only in a commit", async () => {
    const root = makeRepo();
    const before = captureState(root);
    const snapshot = await snapshotWorkspace(root);
    // Staged, then the file on disk put back: only the index differs.
    put(root, "README.md", "# demo\n\nstaged only\n");
    git(root, ["add", "README.md"]);
    put(root, "README.md", "# demo\n\nA small project.\n");
    // Committed, then index and disk put back: only HEAD differs.
    const base = git(root, ["write-tree"]).trim();
    put(root, "src/math.ts", "export const committedOnly = true;\n");
    git(root, ["add", "src/math.ts"]);
    git(root, ["commit", "-q", "-m", "sneaky"]);
    git(root, ["read-tree", base]);
    put(root, "src/math.ts", BUGGY_MATH);
    const changes = await measureChanges(snapshot);
    // The commit also swept up what the user had staged: that is part of the change too.
    expect(changes.files.map((f) => [f.path, f.where])).toEqual([
      ["README.md", "index"],
      ["docs/guide.md", "commits"],
      ["src/math.ts", "commits"],
      ["staged-new.txt", "commits"],
    ]);
    const { text } = await unifiedDiff(changes, 1 << 20);
    expect(text).toMatch(/^# lshml: changes only staged \(/m);
    expect(text).toContain("+staged only");
    expect(text).toMatch(/^# lshml: changes in commits \(/m);
    expect(text).toContain("+export const committedOnly = true;");
    await rollback(snapshot);
    expect(captureState(root)).toEqual(before);
    await disposeSnapshot(snapshot);
  });

  it("cuts a long diff at a line boundary and says so", async () => {
    const root = makeRepo();
    const before = captureState(root);
    const snapshot = await snapshotWorkspace(root);
    put(root, "big.txt", Array.from({ length: 2000 }, (_, i) => `line ${i}`).join("\n") + "\n");
    const changes = await measureChanges(snapshot);
    const diff = await unifiedDiff(changes, 1000);
    expect(diff.truncated).toBe(true);
    expect(diff.totalBytes).toBeGreaterThan(10_000);
    expect(diff.text.endsWith(`\n${DIFF_TRUNCATION_MARKER}`)).toBe(true);
    expect(new TextEncoder().encode(diff.text).length).toBeLessThanOrEqual(
      1000 + DIFF_TRUNCATION_MARKER.length,
    );
    const whole = await unifiedDiff(changes, 1 << 20);
    expect(whole).toMatchObject({ truncated: false, totalBytes: diff.totalBytes });
    await rollback(snapshot);
    expect(captureState(root)).toEqual(before);
    await disposeSnapshot(snapshot);
  });
});

describe("rollback() edge cases", () => {
  it("removes a file the executor hid by editing .gitignore", async () => {
    const root = makeRepo();
    const before = captureState(root);
    const snapshot = await snapshotWorkspace(root);
    put(root, ".gitignore", "build/\n*.log\nsneaky.txt\n");
    put(root, "sneaky.txt", "hidden\n");
    const changes = await measureChanges(snapshot);
    expect(changes.files.map((f) => f.path)).toEqual([".gitignore"]);
    await rollback(snapshot);
    expect(captureState(root)).toEqual(before);
    await disposeSnapshot(snapshot);
  });

  it("never deletes or reads through a folder swapped for a link to the outside", async () => {
    const root = makeRepo();
    Deno.removeSync(join(root, "src", "math.ts")); // the user deleted a tracked file
    const before = captureState(root);
    const snapshot = await snapshotWorkspace(root);
    const outside = tempDir("lshml-outside-");
    put(outside, "math.ts", "outside, not the user's\n");
    put(outside, "check.ts", readFileSync(join(root, "check.ts")));
    Deno.removeSync(join(root, "src"), { recursive: true });
    Deno.symlinkSync(outside, join(root, "src"));
    await rollback(snapshot);
    expect(captureState(root)).toEqual(before);
    expect(readFileSync(join(outside, "math.ts"), "utf8")).toBe("outside, not the user's\n");
    await disposeSnapshot(snapshot);
  });

  it("keeps git's view of a file edited in the same second as the index was written", async () => {
    // Racy git: git trusts stat data only for entries older than the index file, so the
    // restored index must keep its original time or this edit would look clean.
    const root = makeRepo();
    for (let attempt = 0;; attempt++) {
      const second = Math.floor(Date.now() / 1000);
      put(root, "racy.txt", "aaaa\n");
      git(root, ["add", "racy.txt"]);
      put(root, "racy.txt", "bbbb\n");
      if (Math.floor(Date.now() / 1000) === second || attempt > 5) break;
    }
    const before = captureState(root);
    expect(before.status).toContain("AM N... 000000 100644 100644");
    const snapshot = await snapshotWorkspace(root);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    git(root, ["add", "notes.md"]); // the executor rewrites the index a second later
    await rollback(snapshot);
    expect(captureState(root)).toEqual(before);
    await disposeSnapshot(snapshot);
  });

  it("never deletes an ignored file, even one the executor force-added and committed", async () => {
    const root = makeRepo();
    const before = captureState(root);
    const snapshot = await snapshotWorkspace(root);
    git(root, ["add", "-f", "build/out.log"]);
    git(root, ["commit", "-q", "-m", "force-added"]);
    put(root, "build/new-output.log", "the executor's build output\n");
    await rollback(snapshot);
    const after = captureState(root);
    expect(readFileSync(join(root, "build/out.log"), "utf8")).toBe("ignored build output\n");
    // The executor's new ignored file stays: ignored files are not rolled back (documented).
    const { ["build/new-output.log"]: extra, ...rest } = after.files;
    expect(extra).toBeDefined();
    expect({ ...after, files: rest }).toEqual(before);
    await disposeSnapshot(snapshot);
  });
});

describe("baselineSnapshot(): solidify run by hand after an external agent acted", () => {
  it("measures everything since the commit, and reports instead of rolling back", async () => {
    const root = makeRepo();
    put(
      root,
      "src/math.ts",
      "export function add(a: number, b: number): number {\n  return a * b;\n}\n",
    );
    const snapshot = await baselineSnapshot(root);
    expect(snapshot.kind).toBe("baseline");
    const changes = await measureChanges(snapshot);
    // The user's own uncommitted work counts too: a baseline cannot tell it apart.
    expect(changes.files.map((f) => f.path)).toEqual([
      "docs/guide.md",
      "drafts/blob.bin",
      "drafts/new/idea.md",
      "drafts/run.sh",
      "notes.md",
      "old.txt",
      "scratch.txt",
      "src/math.ts",
      "staged-new.txt",
    ]);
    const before = captureState(root);
    const result = await solidify({
      snapshot,
      gene: { ...GENE, constraints: { ...GENE.constraints, max_files: 20, max_lines: 400 } },
      hardCaps: { maxFiles: 20, maxLines: 400 },
      validation: VALIDATION,
      canary: [],
      timeoutMs: 20_000,
      allowSelfModify: false,
      rollbackOnFailure: true,
    });
    expect(result).toMatchObject({ ok: false, stage: "validation", rolledBack: false });
    expect(result.rollbackError).toMatch(/baseline/);
    expect(captureState(root)).toEqual(before);
    expect(await errorOf(baselineSnapshot(root, { rev: "no-such-rev" }))).toBeInstanceOf(
      RangeError,
    );
    await disposeSnapshot(snapshot);
  });
});
