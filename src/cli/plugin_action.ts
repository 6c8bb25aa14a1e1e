import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type FolderEngine, linkCommands, pluginFolderFiles } from "../agent_server/mod.ts";
import { expandPath } from "../config/mod.ts";
import { type PermissionNeed, shellQuote } from "../sandbox/mod.ts";
import type { CliEnvironment } from "./cli_env.ts";
import type { CommandDeps } from "./command_deps.ts";
import { type GlobalOptions, loadContext, requirePermissions } from "./context.ts";
import { EXIT } from "./exit_codes.ts";
import { printJson } from "./output.ts";

/** `openclaw plugins install` took 5–25 s in our runs; a stuck one must not hang forever. */
const OPENCLAW_TIMEOUT_MS = 180_000;

/** One OpenClaw command run by `--yes`. */
interface Ran {
  readonly argv: readonly string[];
  readonly code: number | string;
  readonly output: string;
}

/** The engine a written folder runs: this binary, or this checkout under this deno. */
function thisEngine(cli: CliEnvironment, home: string): FolderEngine {
  if (cli.runtime.compiled || !cli.checkoutDir) {
    return { command: [cli.execPath, "agent", "serve", "--stdio"], home };
  }
  return { checkout: cli.checkoutDir, denoPath: cli.execPath, home };
}

/** The plugin's modules (`plugin/*.js`), read from the checkout or the binary. */
async function pluginSources(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".js")).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(dir, name), "utf8")));
  return Object.fromEntries(names.map((name, i) => [name, texts[i] as string]));
}

/** Runs one command; `code` is the exit code, "ENOENT" (not on PATH) or "NotCapable". */
function run(argv: readonly string[]): Promise<Ran> {
  const [file = "openclaw", ...args] = argv;
  return new Promise((resolve) => {
    execFile(file, args, { timeout: OPENCLAW_TIMEOUT_MS }, (error, stdout, stderr) => {
      // Deno reports a refused --allow-run as an error named NotCapable, without a code.
      const code = !error ? 0 : error.name === "NotCapable" ? "NotCapable" : error.code ?? 1;
      resolve({ argv, code, output: `${stdout}${stderr}`.trim() });
    });
  });
}

/** Runs the link commands in order, stopping at the first failure. */
async function runAll(commands: readonly string[][]): Promise<Ran[]> {
  const ran: Ran[] = [];
  for (const argv of commands) {
    const result = await run(argv);
    ran.push(result);
    if (result.code !== 0) break;
  }
  return ran;
}

/** Options of `lshml plugin install`, and the folder name under the home it defaults to. */
export interface PluginInstallOptions {
  readonly dir?: string;
  readonly yes?: true;
  readonly json?: true;
  readonly defaultFolder: string;
}

/**
 * `lshml plugin install`: writes the plugin folder, and links it with `--yes` (loaded only when
 * it runs).
 */
export async function pluginInstallAction(
  deps: CommandDeps,
  globals: GlobalOptions,
  options: PluginInstallOptions,
): Promise<void> {
  const { cli } = deps;
  const context = await loadContext(cli, globals);
  const dir = options.dir
    ? expandPath(options.dir, { env: cli.env, cwd: cli.cwd })
    : join(context.home.dir, options.defaultFolder);
  const sourceDir = join(cli.installDir, "plugin");
  const extra: PermissionNeed[] = [
    { kind: "read", value: sourceDir, purpose: "self", why: "read the plugin's modules" },
    { kind: "write", value: dir, purpose: "home", why: "write the plugin folder" },
  ];
  await requirePermissions(context, ["home"], extra);

  const engine = thisEngine(cli, context.home.dir);
  const files = pluginFolderFiles(await pluginSources(sourceDir), engine);
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);

  const commands = linkCommands(dir);
  const ran = options.yes ? await runAll(commands) : [];
  if (ran.some((r) => r.code === "NotCapable")) {
    // openclaw is on PATH but Deno may not run it: fail with the exact flag to add.
    const need: PermissionNeed = {
      kind: "run",
      value: "openclaw",
      purpose: "self",
      why: "link the plugin",
    };
    await requirePermissions(context, [], [need]);
  }
  const missing = ran[0]?.code === "ENOENT";
  const linked = ran.length === commands.length && ran.every((r) => r.code === 0);
  if (options.yes && !linked) deps.setExit(EXIT.failure);
  if (options.json) {
    printJson(cli.io, { dir, files: Object.keys(files).sort(), engine, commands, ran, linked });
    return;
  }
  report(cli, { dir, engine, commands, ran, linked, missing, yes: options.yes === true });
}

function report(
  cli: CliEnvironment,
  r: {
    dir: string;
    engine: FolderEngine;
    commands: string[][];
    ran: Ran[];
    linked: boolean;
    missing: boolean;
    yes: boolean;
  },
): void {
  const { io } = cli;
  const how = "command" in r.engine
    ? r.engine.command.join(" ")
    : `deno run on ${r.engine.checkout}`;
  io.out(`wrote the OpenClaw plugin folder ${r.dir}`);
  io.out(`  engine: ${how} (home ${r.engine.home})`);
  for (const done of r.ran) {
    io.out(`ran: ${done.argv.map(shellQuote).join(" ")} → ${done.code === 0 ? "ok" : done.code}`);
    if (done.code !== 0 && done.output) io.out(done.output.split("\n").slice(-8).join("\n"));
  }
  if (r.linked) {
    io.out("linked: OpenClaw loads lshml from its next start (`openclaw plugins list` shows it)");
    return;
  }
  if (r.missing) io.out("openclaw is not on PATH here.");
  io.out(`${r.yes ? "Run" : "To link it, run"} these commands:`);
  for (const argv of r.commands) io.out(`  ${argv.map(shellQuote).join(" ")}`);
}
