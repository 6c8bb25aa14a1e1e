import { describe, expect, it } from "vitest";
import {
  checkBlastRadius,
  checkPaths,
  DEFAULT_CRITICAL_PATHS,
  DEFAULT_FORBIDDEN_PATHS,
  type FileChange,
  type GitMetaChange,
} from "../../src/solidify/mod.ts";

function change(
  path: string,
  added: number,
  removed: number,
  extra: Partial<FileChange> = {},
): FileChange {
  return {
    path,
    oldPath: null,
    kind: "modified",
    added,
    removed,
    binary: false,
    preexistingUntracked: false,
    where: "worktree",
    ...extra,
  };
}

function changeSet(files: FileChange[], gitMeta: GitMetaChange[] = []) {
  return {
    root: "/work/app",
    files,
    totals: { files: files.length, lines: files.reduce((n, f) => n + f.added + f.removed, 0) },
    gitMeta,
  };
}

describe("checkBlastRadius()", () => {
  const caps = { maxFiles: 10, maxLines: 100 };

  it("passes a change exactly at the gene's limits", () => {
    const changes = changeSet([change("a.ts", 10, 5), change("b.ts", 3, 2)]);
    expect(checkBlastRadius(changes, { maxFiles: 2, maxLines: 20 }, caps)).toEqual([]);
  });

  it("counts a binary file as a file with no lines, and a rename once", () => {
    const changes = changeSet([
      change("logo.png", 0, 0, { binary: true }),
      change("new/name.ts", 1, 1, { kind: "renamed", oldPath: "old/name.ts" }),
    ]);
    expect(changes.totals).toEqual({ files: 2, lines: 2 });
    expect(checkBlastRadius(changes, { maxFiles: 1, maxLines: 2 }, caps)).toEqual([
      { limit: "max_files", source: "gene", allowed: 1, actual: 2 },
    ]);
  });

  it("reports the hard cap even when the gene allows more", () => {
    const changes = changeSet(Array.from({ length: 12 }, (_, i) => change(`f${i}`, 10, 0)));
    expect(checkBlastRadius(changes, { maxFiles: 50, maxLines: 1000 }, caps)).toEqual([
      { limit: "max_files", source: "hard_cap", allowed: 10, actual: 12 },
      { limit: "max_lines", source: "hard_cap", allowed: 100, actual: 120 },
    ]);
  });

  it("rejects a limit that is not a non-negative integer", () => {
    expect(() => checkBlastRadius(changeSet([]), { maxFiles: -1, maxLines: 1 }, caps)).toThrow(
      RangeError,
    );
    expect(() => checkBlastRadius(changeSet([]), { maxFiles: 1, maxLines: 1.5 }, caps)).toThrow(
      RangeError,
    );
  });
});

describe("checkPaths()", () => {
  it("refuses forbidden paths always, including either side of a rename", () => {
    const changes = changeSet([
      change("apps/web/.env", 1, 0),
      change("keys/new.txt", 1, 1, { kind: "renamed", oldPath: "keys/server.pem" }),
      change("src/ok.ts", 1, 0),
    ]);
    expect(checkPaths(changes, { forbidden: DEFAULT_FORBIDDEN_PATHS, allowSelfModify: true }))
      .toEqual([
        { rule: "forbidden", path: "apps/web/.env", pattern: ".env" },
        { rule: "forbidden", path: "keys/server.pem", pattern: "*.pem" },
      ]);
  });

  it("leaves .env templates editable", () => {
    const changes = changeSet([change(".env.example", 1, 0), change("config/.env.sample", 1, 0)]);
    expect(checkPaths(changes, { forbidden: DEFAULT_FORBIDDEN_PATHS, allowSelfModify: false }))
      .toEqual([]);
  });

  it("refuses critical paths unless self-modification is allowed", () => {
    const changes = changeSet([
      change("package.json", 1, 1),
      change(".github/workflows/ci.yml", 1, 0),
      change("packages/lib/package.json", 1, 1),
    ]);
    const strict = checkPaths(changes, { forbidden: [], allowSelfModify: false });
    expect(strict.map((v) => [v.rule, v.path])).toEqual([
      ["critical", "package.json"],
      ["critical", ".github/workflows/ci.yml"],
    ]);
    expect(checkPaths(changes, { forbidden: [], allowSelfModify: true })).toEqual([]);
    expect(DEFAULT_CRITICAL_PATHS).toContain("/openclaw.plugin.json");
  });

  it("protects the engine's own folder inside the work tree, or everything when the work tree is inside it", () => {
    const changes = changeSet([
      change("tools/lshml/src/cycle.ts", 1, 0),
      change("src/app.ts", 1, 0),
    ]);
    const inside = {
      forbidden: [],
      critical: [],
      allowSelfModify: false,
      engineRoot: "/work/app/tools/lshml",
    };
    expect(checkPaths(changes, inside)).toEqual([
      { rule: "engine", path: "tools/lshml/src/cycle.ts", pattern: "/tools/lshml" },
    ]);
    const engineIsWorkspace = { ...inside, engineRoot: "/work" };
    expect(checkPaths(changes, engineIsWorkspace).map((v) => v.path)).toEqual([
      "tools/lshml/src/cycle.ts",
      "src/app.ts",
    ]);
    expect(checkPaths(changes, { ...inside, engineRoot: "/opt/lshml" })).toEqual([]);
    expect(checkPaths(changes, { ...inside, allowSelfModify: true })).toEqual([]);
  });

  it("always refuses changed git metadata, even with self-modification allowed", () => {
    const changes = changeSet([], [{ path: ".git/hooks/pre-commit", kind: "added" }]);
    expect(checkPaths(changes, { forbidden: [], allowSelfModify: true })).toEqual([
      { rule: "git_metadata", path: ".git/hooks/pre-commit", pattern: ".git" },
    ]);
  });
});
