import { fileURLToPath } from "node:url";

/** The checkout's root, whatever the test runner's working directory. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** What a real `lshml` process did. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to run the real CLI. */
export interface CliOptions {
  /**
   * "local-only": `deno run -P` with deno.json's permission set, as users run it;
   * "flags": exactly the given Deno flags.
   */
  readonly sandbox?: "local-only" | { readonly flags: readonly string[] };
  /** Environment on top of a minimal one (PATH, HOME=a temp dir, NO_COLOR). */
  readonly env?: Record<string, string>;
  readonly stdin?: string;
}

/** The module cache of this Deno, so children reuse it after HOME changes. */
function denoDir(): string {
  const xdg = Deno.env.get("XDG_CACHE_HOME");
  return Deno.env.get("DENO_DIR") ?? (xdg ? `${xdg}/deno` : `${Deno.env.get("HOME")}/.cache/deno`);
}

/** A HOME for child processes, so nothing reads the developer's real ~/.openclaw. */
const childHome = Deno.makeTempDirSync({ prefix: "lshml-test-home-" });

/**
 * Runs `main.ts` in a real Deno process, under the chosen sandbox.
 *
 * @example
 * ```ts
 * const run = await lshml(["doctor", "--json"]);
 * ```
 */
export async function lshml(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const sandbox = options.sandbox ?? "local-only";
  const permissionFlags = sandbox === "local-only" ? ["-P"] : [...sandbox.flags];
  const command = new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", ...permissionFlags, `${ROOT}main.ts`, ...args],
    cwd: ROOT,
    clearEnv: true,
    env: {
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
      HOME: childHome,
      NO_COLOR: "1",
      DENO_DIR: denoDir(),
      ...options.env,
    },
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  });
  const child = command.spawn();
  if (options.stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(options.stdin));
    await writer.close();
  }
  const output = await child.output();
  const decoder = new TextDecoder();
  return {
    code: output.code,
    stdout: decoder.decode(output.stdout),
    stderr: decoder.decode(output.stderr)
      .split("\n").filter((l) => !l.includes("experimental feature")).join("\n"),
  };
}

/** A fresh temporary directory for one test. */
export function tempDir(prefix = "lshml-test-"): string {
  return Deno.makeTempDirSync({ prefix });
}

/**
 * Deno flags granting a temporary home (and extra read paths): the local-only
 * `-P` set grants only the checkout, and a flag replaces that kind's list.
 */
export function homeFlags(home: string, ...reads: string[]): string[] {
  return [
    `--allow-read=${[ROOT, home, ...reads].join(",")}`,
    `--allow-write=${home}`,
    "--allow-net=127.0.0.1:8420,localhost:11434",
    "--allow-env",
    "--allow-run=git",
    "--allow-sys=loadavg",
  ];
}
