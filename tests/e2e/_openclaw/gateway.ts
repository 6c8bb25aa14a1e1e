import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ModelRequest } from "./fake_model.ts";
import { userTexts } from "./fake_model.ts";
import type { OpenClawHarness } from "./harness.ts";

/** How long the gateway may take to boot (plugins, engine, sidecars): about 10 s here. */
const READY_TIMEOUT_MS = 120_000;
/** SIGTERM's drain is quick when idle (≈0.1 s); past this the gateway is SIGKILLed. */
const STOP_TIMEOUT_MS = 20_000;
/**
 * The bridge logs its run time at agent_end, which can land just after the client has its
 * reply; a turn waits this long at most for that line.
 */
const BRIDGE_LINE_TIMEOUT_MS = 10_000;
const POLL_MS = 50;

/** The line the bridge logs once per agent run (plugin/bridge.js `reportRun`). */
export const BRIDGE_LINE = /lshml: bridge time this run: .*; total ([\d.]+) ms/;

/** What one gateway-backed `openclaw agent` turn did. */
export interface GatewayTurn {
  readonly code: number;
  /** The assistant's reply text (`result.payloads[].text` joined). */
  readonly reply: string;
  /** The run id the gateway gave this turn. */
  readonly runId: string | undefined;
  /** The client's `--json` output, or null. */
  readonly json: unknown;
  /** The client's stderr. */
  readonly stderr: string;
  /** The gateway's console lines from the turn's start until its run ended. */
  readonly logLines: readonly string[];
  /** The client's wall time: CLI start, connect, run, reply. */
  readonly wallMs: number;
  /** The chat-completion requests this turn sent to the fake model server. */
  readonly requests: readonly ModelRequest[];
  /** This turn's user message as the model got it, with what plugins prepended. */
  readonly userText: string;
  /** The bridge's `bridge time this run` lines logged during this turn (one per run). */
  readonly bridgeLines: readonly string[];
  /** The time the lshml bridge added to this run (its `total`), in ms. */
  readonly bridgeMs: number | undefined;
}

/** A running `openclaw gateway run` of a harness. */
export interface OpenClawGateway {
  readonly port: number;
  readonly pid: number;
  /** From spawn until `gateway health` answered ok, in ms. */
  readonly startupMs: number;
  /** `openclaw gateway health --json` once the gateway was ready. */
  readonly health: unknown;
  /** The gateway's console output so far (stdout and stderr, in arrival order). */
  logs(): string;
  /**
   * Runs one agent turn through the gateway (`openclaw agent` without `--local`), then waits
   * for the run's end in the gateway's log.
   */
  runTurn(message: string, options?: { session?: string }): Promise<GatewayTurn>;
  /** SIGTERMs the gateway (SIGKILL after 20 s) and waits until its lshml engine is gone. */
  close(): Promise<Deno.CommandStatus>;
}

/** SGR colour codes (built from the char code: lint forbids control characters in regexes). */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freeLoopbackPort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** Adds `gateway` (local mode, loopback, token auth) to the harness's openclaw.json. */
function configureGateway(oc: OpenClawHarness, port: number, token: string): void {
  const path = join(oc.dirs.state, "openclaw.json");
  const config = JSON.parse(readFileSync(path, "utf8"));
  config.gateway = { mode: "local", port, bind: "loopback", auth: { mode: "token", token } };
  writeFileSync(path, JSON.stringify(config, null, 2));
}

/** Collects a child's stdout and stderr as text, in arrival order. */
function collect(child: Deno.ChildProcess): { text: () => string; done: Promise<void> } {
  let text = "";
  const pump = async (stream: ReadableStream<Uint8Array>) => {
    for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
      text += chunk.replace(ANSI, "");
    }
  };
  const done = Promise.all([pump(child.stdout), pump(child.stderr)]).then(() => undefined);
  return { text: () => text, done };
}

/**
 * The pids of live processes whose environment has `OPENCLAW_HOME=<home>`: the gateway and
 * everything it started (spawn broker, lshml engine), from /proc.
 */
export function openclawPids(home: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === Deno.pid) continue;
    let env: string[];
    let state: string | undefined;
    try {
      env = readFileSync(`/proc/${name}/environ`, "latin1").split("\0");
      state = readFileSync(`/proc/${name}/stat`, "latin1").split(") ")[1]?.[0];
    } catch {
      continue; // the process ended while we looked, or is not ours to read: not a candidate
    }
    if (env.includes(`OPENCLAW_HOME=${home}`) && state !== "Z") pids.push(Number(name));
  }
  return pids;
}

/** Polls `check` every 50 ms; resolves whether it held within `ms`. */
async function waitFor(ms: number, check: () => boolean | Promise<boolean>): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > deadline) return false;
    await sleep(POLL_MS);
  }
  return true;
}

async function waitUntil(what: string, ms: number, check: () => boolean | Promise<boolean>) {
  if (!(await waitFor(ms, check))) throw new Error(`timed out after ${ms} ms waiting ${what}`);
}

/**
 * Starts `openclaw gateway run` in the foreground for a harness (its env, state dir and
 * plugin install), on a free loopback port with a random token in `gateway.auth` (so the
 * harness's `openclaw` clients find and authenticate to it), and waits until
 * `openclaw gateway health` answers ok.
 *
 * @example
 * ```ts
 * const oc = await startOpenClawHarness({ install: "link-command" });
 * const gateway = await startOpenClawGateway(oc);
 * const turn = await gateway.runTurn("hello", { session: "agent:main:one" });
 * turn.bridgeMs; // e.g. 14.8
 * await gateway.close();
 * await oc.close();
 * ```
 */
export async function startOpenClawGateway(oc: OpenClawHarness): Promise<OpenClawGateway> {
  const port = freeLoopbackPort();
  configureGateway(oc, port, crypto.randomUUID());
  const started = performance.now();
  const child = new Deno.Command(join(oc.dirs.bin, "openclaw"), {
    args: ["gateway", "run"],
    cwd: oc.dirs.home,
    env: { ...oc.env },
    clearEnv: true,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const output = collect(child);
  let exited: Deno.CommandStatus | undefined;
  const status = child.status.then((s) => (exited = s));
  const running = () => {
    if (exited) {
      throw new Error(`the gateway exited (code ${exited.code}) while starting:\n${output.text()}`);
    }
    return true;
  };

  let health: unknown;
  try {
    await waitUntil(
      "for the gateway to listen",
      READY_TIMEOUT_MS,
      () => running() && /\[gateway\] (ready|http server listening)/.test(output.text()),
    );
    await waitUntil("for `openclaw gateway health` to answer ok", READY_TIMEOUT_MS, async () => {
      running();
      const answer = await oc.openclaw(["gateway", "health", "--json"]);
      try {
        health = JSON.parse(answer.stdout);
      } catch {
        return false; // not up yet: the CLI printed an error instead of JSON
      }
      return answer.code === 0 && (health as { ok?: unknown }).ok === true;
    });
  } catch (error) {
    child.kill("SIGKILL");
    await status;
    throw error;
  }
  const startupMs = performance.now() - started;

  const runTurn: OpenClawGateway["runTurn"] = async (message, turn = {}) => {
    const before = oc.model.completions().length;
    const logFrom = output.text().length;
    const turnStarted = performance.now();
    const args = ["agent", "--agent", "main", "--message", message, "--json", "--timeout", "300"];
    if (turn.session) args.push("--session-key", turn.session);
    const result = await oc.openclaw(args);
    const wallMs = performance.now() - turnStarted;
    let json: unknown = null;
    try {
      json = JSON.parse(result.stdout);
    } catch {
      json = null; // a failed turn may print nothing parseable; code and stderr tell why
    }
    const body = json as { runId?: string; result?: { payloads?: { text?: string }[] } } | null;
    const runId = body?.runId;
    const window = () => output.text().slice(logFrom);
    const ended = () =>
      runId !== undefined && window().includes(`run ${runId} ended`) &&
      BRIDGE_LINE.test(window());
    // A turn that failed may never log its end; its bridge line is then simply missing.
    if (result.code === 0) await waitFor(BRIDGE_LINE_TIMEOUT_MS, ended);
    const logLines = window().split("\n").filter(Boolean);
    const bridgeLines = logLines.filter((line) => BRIDGE_LINE.test(line));
    const total = bridgeLines.length === 1 ? BRIDGE_LINE.exec(bridgeLines[0] as string) : null;
    const requests = oc.model.completions().slice(before);
    return {
      code: result.code,
      reply: (body?.result?.payloads ?? []).map((p) => p.text ?? "").join("\n"),
      runId,
      json,
      stderr: result.stderr,
      logLines,
      wallMs,
      requests,
      userText: requests[0] ? (userTexts(requests[0]).at(-1) ?? "") : "",
      bridgeLines,
      bridgeMs: total ? Number(total[1]) : undefined,
    };
  };

  const close = async () => {
    if (!exited) child.kill("SIGTERM");
    const timer = setTimeout(() => !exited && child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    const final = await status;
    clearTimeout(timer);
    await output.done;
    // The engine drains its input and exits after the gateway closed it.
    await waitUntil(
      "for the lshml engine to exit",
      STOP_TIMEOUT_MS,
      () => oc.enginePids().length === 0,
    );
    return final;
  };

  return { port, pid: child.pid, startupMs, health, logs: output.text, runTurn, close };
}
