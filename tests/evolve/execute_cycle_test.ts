import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/mod.ts";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { type CycleResult, runCycle } from "../../src/evolve/mod.ts";
import { readCapsules, verifyAssets } from "../../src/gep/mod.ts";
import { logFileSource } from "../../src/signals/mod.ts";
import { tempDir } from "../_helpers/cli.ts";

const EXECUTOR = fileURLToPath(new URL("./_executor.ts", import.meta.url));
const CHECK = `import { add } from "./src/math.ts";\nif (add(2, 3) !== 5) Deno.exit(1);\n`;

function git(cwd: string, ...args: string[]): string {
  const out = new Deno.Command("git", { args, cwd, stdout: "piped", stderr: "piped" }).outputSync();
  if (!out.success) {
    throw new Error(`git ${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
  }
  return new TextDecoder().decode(out.stdout);
}

/** A workspace with a commit, and the user's own uncommitted, staged and untracked work. */
function workspace(): string {
  const dir = tempDir("lshml-ws-");
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "dev@example.com");
  git(dir, "config", "user.name", "Dev");
  Deno.mkdirSync(join(dir, "src"));
  writeFileSync(
    join(dir, "src", "math.ts"),
    "export function add(a: number, b: number): number {\n  return a * b;\n}\n",
  );
  writeFileSync(join(dir, "check.ts"), CHECK);
  writeFileSync(join(dir, "README.md"), "# app\n");
  writeFileSync(join(dir, "notes.md"), "draft\n");
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "init");
  writeFileSync(join(dir, "README.md"), "# app\n\nmy unsaved edit\n"); // unstaged edit
  writeFileSync(join(dir, "notes.md"), "draft, staged\n");
  git(dir, "add", "notes.md"); // staged change
  Deno.mkdirSync(join(dir, "scratch"));
  writeFileSync(join(dir, "scratch", "todo.txt"), "untracked idea\n"); // untracked, new folder
  writeFileSync(join(dir, "scratch", "blob.bin"), new Uint8Array([0, 255, 1, 254, 7]));
  return dir;
}

/** Every file's bytes (by hash) and git's view of the tree: what must not change. */
function fingerprint(dir: string) {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (name === ".git") continue;
      if (statSync(path).isDirectory()) walk(path);
      else {files[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest(
          "hex",
        );}
    }
  };
  walk(dir);
  return {
    files,
    status: git(dir, "status", "--porcelain=v2"),
    staged: git(dir, "diff", "--cached"),
    unstaged: git(dir, "diff"),
    head: git(dir, "rev-parse", "HEAD"),
  };
}

async function executeOnce(
  action: string,
): Promise<{ result: CycleResult; ws: string; home: string }> {
  const home = tempDir();
  const ws = workspace();
  const log = join(tempDir(), "agent.log");
  const error = "ERROR tool read failed: ENOENT: no such file or directory, open '/srv/app/x.yaml'";
  writeFileSync(log, `${error}\n${error.replace("x.yaml", "y.yaml")}\n`);
  const config = resolveConfig({
    env: {
      EVOLVE_STRATEGY: "repair-only",
      LSHML_EVOLVE_MODE: "execute",
      LSHML_EVOLVE_EXECUTOR: JSON.stringify(["deno", "run", "--quiet", "-A", EXECUTOR, action]),
      LSHML_EVOLVE_WORKSPACE: ws,
      LSHML_EVOLVE_VALIDATE: JSON.stringify([["deno", "run", "--quiet", "-A", "check.ts"]]),
    },
  }).config;
  const result = await runCycle({
    home,
    config,
    readers: [logFileSource(log)],
    now: () => new Date(),
    embedder: createLocalEmbedder(),
    review: false,
    seed: 7,
    workspace: ws,
  });
  return { result, ws, home };
}

describe("execute mode through a real cycle, in a real git workspace", () => {
  it("keeps a good change, validated, and records a capsule", async () => {
    const { result, ws, home } = await executeOnce("good");
    if (result.status !== "ran") throw new Error("no cycle");
    expect(result.event?.outcome.status).toBe("validated");
    expect(result.execute?.ok).toBe(true);
    expect(readFileSync(join(ws, "src", "math.ts"), "utf8")).toContain("a + b");
    expect(readFileSync(join(ws, "README.md"), "utf8")).toContain("my unsaved edit");
    const capsules = await readCapsules(home);
    expect(capsules).toHaveLength(1);
    expect(capsules[0]).toMatchObject({
      gene: result.decision.gene?.id,
      blast_radius: { files: 1 },
    });
    expect(result.event?.capsule_id).toBe(capsules[0]?.id);
    expect((await verifyAssets(home)).ok).toBe(true);
  }, 60_000);

  for (
    const [action, stage] of [
      ["breaks", "validation"],
      ["big", "blast_radius"],
      ["forbidden", "paths"],
      ["exfiltrate", "ethics"],
    ] as const
  ) {
    it(
      `rolls back a change that fails ${stage}, leaving the user's own work byte for byte`,
      async () => {
        const home = tempDir();
        const before = fingerprint(workspace());
        const { result, ws } = await executeOnce(action);
        if (result.status !== "ran") throw new Error("no cycle");
        expect(result.event?.outcome.status).toBe("rolled_back");
        expect(result.execute).toMatchObject({ ok: false, stage, rolledBack: true });
        const after = fingerprint(ws);
        expect(after.files).toEqual(before.files);
        expect(after.status).toEqual(before.status);
        expect(after.staged).toEqual(before.staged);
        expect(after.unstaged).toEqual(before.unstaged);
        expect(home).toBeTruthy();
      },
      60_000,
    );
  }
});
