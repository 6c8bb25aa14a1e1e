import { createHash } from "node:crypto";
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

/** The Deno running the tests: executors and validation commands use it. */
export const DENO = Deno.execPath();
/** The test executor: reads the prompt on stdin, does what its `ACTION:` line says. */
export const EXECUTOR = fileURLToPath(new URL("./_executors/executor.ts", import.meta.url));
/** A validation command that starts a grandchild, records its pid, then hangs. */
export const HANG = fileURLToPath(new URL("./_executors/hang.ts", import.meta.url));

const GIT_ENV = { GIT_OPTIONAL_LOCKS: "0", GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };

/** Runs git in `cwd` (no shell) and returns stdout; throws with stderr on failure. */
export function git(cwd: string, args: readonly string[]): string {
  const out = new Deno.Command("git", { args: [...args], cwd, env: GIT_ENV }).outputSync();
  if (!out.success) {
    throw new Error(`git ${args.join(" ")}: ${new TextDecoder().decode(out.stderr)}`);
  }
  return new TextDecoder().decode(out.stdout);
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) Deno.removeSync(dir, { recursive: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = "lshml-solidify-test-"): string {
  const dir = Deno.makeTempDirSync({ prefix });
  created.push(dir);
  return dir;
}

/** Writes a file, creating its folders. */
export function put(root: string, path: string, content: string | Uint8Array, mode?: number): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  if (mode !== undefined) chmodSync(file, mode);
}

/** Bytes that are not text: NULs, high bytes, no trailing newline. */
export function binaryBytes(seed: number, length = 4096): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = i % 97 === 0 ? 0 : x >>> 24;
  }
  return bytes;
}

/** The buggy module every scenario starts from, and the fix the good executor applies. */
export const BUGGY_MATH =
  "export function add(a: number, b: number): number {\n  return a - b;\n}\n";

/** Validation for the fixture repository: `deno run check.ts` passes once add() is fixed. */
export const VALIDATION = [[DENO, "run", "--quiet", "--no-config", "check.ts"]];

/**
 * A repository with a committed tree, a pre-existing stash, and the USER's own work in
 * progress: an unstaged edit, a staged edit with a further unstaged edit on top, a staged new
 * file, an unstaged deletion, untracked files (one in a new folder, a binary one, an
 * executable one), an empty untracked folder and ignored files.
 */
export function makeRepo(): string {
  const root = tempDir("lshml-solidify-repo-");
  git(root, ["init", "-q", "-b", "main"]);
  for (
    const [key, value] of [
      ["user.name", "Test User"],
      ["user.email", "test@example.com"],
      ["commit.gpgsign", "false"],
      ["core.autocrlf", "false"],
    ]
  ) git(root, ["config", key as string, value as string]);
  put(root, "README.md", "# demo\n\nA small project.\n");
  put(root, "src/math.ts", BUGGY_MATH);
  put(
    root,
    "check.ts",
    'import { add } from "./src/math.ts";\nif (add(2, 3) !== 5) {\n  console.error("add(2, 3) is " + add(2, 3));\n  Deno.exit(1);\n}\n',
  );
  put(root, "notes.md", "line 1\nline 2\nline 3\n");
  put(root, "docs/guide.md", "# Guide\n\nStep one.\n");
  put(root, "old.txt", "to be deleted by the user\n");
  put(root, "scripts/deploy.sh", "#!/bin/sh\necho deploying\n", 0o755);
  put(root, ".gitignore", "build/\n*.log\n");
  put(root, "package.json", '{ "name": "demo" }\n');
  symlinkSync("README.md", join(root, "readme-link"));
  git(root, ["add", "-A"]);
  git(root, ["commit", "-q", "-m", "initial"]);
  // A stash that predates everything: it must survive.
  put(root, "README.md", "# demo\n\nstashed edit\n");
  git(root, ["stash", "-q"]);
  // The user's own work in progress.
  put(root, "notes.md", "line 1\nline 2 edited by the user\nline 3\n");
  put(root, "docs/guide.md", "# Guide\n\nStep one.\nStep two (staged).\n");
  git(root, ["add", "docs/guide.md"]);
  put(
    root,
    "docs/guide.md",
    "# Guide\n\nStep one.\nStep two (staged).\nStep three (not staged).\n",
  );
  put(root, "staged-new.txt", "a new file the user staged\n");
  git(root, ["add", "staged-new.txt"]);
  Deno.removeSync(join(root, "old.txt"));
  put(root, "scratch.txt", "the user's scratch notes\n");
  put(root, "drafts/new/idea.md", "an idea in a new folder\n");
  put(root, "drafts/blob.bin", binaryBytes(7));
  put(root, "drafts/run.sh", "#!/bin/sh\necho hi\n", 0o750);
  mkdirSync(join(root, "empty-dir"));
  put(root, "build/out.log", "ignored build output\n");
  put(root, "app.log", "ignored log\n");
  return root;
}

/** Everything a user could notice about a repository, for byte-exact comparison. */
export interface RepoState {
  /** SHA-256 of `.git/index` — taken first, before any git command. */
  readonly index: string;
  /** Every path outside `.git` (ignored ones too): kind, mode and content hash. */
  readonly files: Record<string, string>;
  readonly status: string;
  readonly diff: string;
  readonly diffCached: string;
  readonly head: string;
  readonly branch: string;
  readonly stashList: string;
  readonly refs: string;
  readonly hooks: Record<string, string>;
}

/** Captures a {@link RepoState}; git runs with optional locks off, so nothing is rewritten. */
export function captureState(root: string): RepoState {
  const index = sha256(readFileSync(join(root, ".git", "index")));
  return {
    index,
    files: walk(root, "", (name) => name === ".git"),
    status: git(root, ["status", "--porcelain=v2", "-z", "--branch", "--untracked-files=all"]),
    diff: git(root, ["diff", "--binary"]),
    diffCached: git(root, ["diff", "--cached", "--binary"]),
    head: git(root, ["rev-parse", "HEAD"]),
    branch: git(root, ["symbolic-ref", "HEAD"]),
    stashList: git(root, ["stash", "list", "--format=%H %gs"]),
    refs: git(root, ["for-each-ref", "--format=%(objectname) %(refname)"]),
    hooks: walk(join(root, ".git", "hooks"), "", () => false),
  };
}

function walk(
  root: string,
  relative: string,
  skip: (name: string) => boolean,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
    if (relative === "" && skip(entry.name)) continue;
    const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
    const stats = lstatSync(join(root, path));
    const mode = (stats.mode & 0o7777).toString(8);
    if (stats.isSymbolicLink()) found[path] = `link ${readlinkSync(join(root, path))}`;
    else if (stats.isDirectory()) {
      found[path] = `dir ${mode}`;
      Object.assign(found, walk(root, path, skip));
    } else found[path] = `file ${mode} ${sha256(readFileSync(join(root, path)))}`;
  }
  return found;
}

/** Hex SHA-256. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Runs the test executor with `action` in its prompt, the way execute mode does. */
export function promptFor(action: string): string {
  return `# GEP prompt\nFix the failing add() in src/math.ts.\nACTION: ${action}\n`;
}

/** The executor's argv (the engine is given an argv; it never builds a shell command). */
export const EXECUTOR_ARGV = [DENO, "run", "--quiet", "--no-config", "-A", EXECUTOR];
