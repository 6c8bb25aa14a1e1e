import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DENO, HANG, tempDir } from "./_repo.ts";
import { execute, expectRestored, GENE } from "./_scenario.ts";

const ROOMY = { ...GENE, constraints: { ...GENE.constraints, max_files: 20, max_lines: 400 } };

/** Whether a process still runs (a zombie waiting to be reaped does not count). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

describe("rollback() undoes whatever git did, and keeps the user's work", () => {
  it("undoes an executor's commit that swept up the user's staged and untracked files", async () => {
    const scenario = await execute("commit", { gene: ROOMY });
    const changes = scenario.result.changes;
    expect(changes?.head.after).not.toBe(changes?.head.before);
    // The commit holds the user's files too: the index and commits comparisons see them.
    expect(changes?.files.find((f) => f.path === "scratch.txt")).toMatchObject({
      kind: "added",
      preexistingUntracked: true,
      where: "index",
    });
    await expectRestored(scenario, "validation");
  });

  it("brings back deleted tracked files and folders, including the user's staged edit", async () => {
    const scenario = await execute("delete", { gene: ROOMY });
    expect(scenario.result.changes?.files.map((f) => [f.path, f.kind])).toEqual([
      ["README.md", "deleted"],
      ["check.ts", "deleted"],
      ["docs/guide.md", "deleted"],
    ]);
    await expectRestored(scenario, "validation");
  });

  it("removes files and folders created in new and in the user's folders, and restores an empty one", async () => {
    const scenario = await execute("newdirs", { gene: ROOMY });
    expect(scenario.result.changes?.files.map((f) => f.path)).toEqual([
      "a/b/c/d.txt",
      "drafts/new/deeper/more.md",
      "src/math.ts",
      "x/y/z.bin",
    ]);
    await expectRestored(scenario, "validation");
    for (const gone of ["a", "x", "newempty", "drafts/new/deeper"]) {
      expect(existsSync(join(scenario.root, gone))).toBe(false);
    }
  });

  it("recovers the user's work after the executor stashed it, leaving no stash behind", async () => {
    const scenario = await execute("stash", { gene: ROOMY });
    expect(scenario.result.changes?.refs.map((r) => r.name)).toEqual(["refs/stash"]);
    await expectRestored(scenario, "validation");
  });

  it("returns to the user's branch and removes the executor's branch and tag", async () => {
    const scenario = await execute("branch", { gene: ROOMY });
    expect(scenario.result.changes?.head.branchAfter).toBe("refs/heads/executor-branch");
    expect(scenario.result.changes?.refs.map((r) => r.name)).toEqual([
      "refs/heads/executor-branch",
      "refs/tags/executor-tag",
    ]);
    await expectRestored(scenario, "validation");
  });

  it("replaces a folder swapped for a link to the outside, never writing through the link", async () => {
    const outside = tempDir("lshml-outside-");
    const env = { ...Deno.env.toObject(), OUTSIDE: outside };
    const scenario = await execute("swap", { gene: ROOMY }, env);
    await expectRestored(scenario, "validation");
    expect(readdirSync(outside)).toEqual([]);
  });

  it("cleans up a half-done merge: unmerged index and MERGE_HEAD", async () => {
    const scenario = await execute("conflict", { gene: ROOMY });
    expect(scenario.result.reasons[0]).toMatch(/^measure: .*conflicts/);
    await expectRestored(scenario, "measure");
    expect(existsSync(join(scenario.root, ".git", "MERGE_HEAD"))).toBe(false);
  });

  it("kills a validation command that hangs, with the process it started, and rolls back", async () => {
    const pidFile = join(tempDir(), "grandchild.pid");
    const scenario = await execute("good", {
      validation: [[DENO, "run", "--quiet", "--no-config", "-A", HANG, pidFile]],
      timeoutMs: 1_500,
    });
    const [run] = scenario.result.validation;
    expect(run).toMatchObject({ ok: false, timedOut: true, code: null });
    expect(scenario.result.reasons[0]).toMatch(/timed out after \d+ ms and was killed/);
    const grandchild = Number(readFileSync(pidFile, "utf8"));
    const deadline = Date.now() + 3_000;
    while (alive(grandchild) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(alive(grandchild)).toBe(false);
    await expectRestored(scenario, "validation");
  });
});
