import { join } from "node:path";
import type { HookHandler, HookName, Logger } from "../../src/agent_server/mod.ts";
import { memoryHandlerFactory } from "../../src/agent_engine/mod.ts";
import { resolveConfig } from "../../src/config/mod.ts";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { runDemo } from "../../src/demo/mod.ts";
import { ROOT, tempDir } from "../_helpers/cli.ts";
import { agentEndEvent, userCtx } from "../agent/_harness.ts";

/** A hand-set wall clock. */
export function wallClock(start = Date.UTC(2026, 10, 21, 10, 0, 0)) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A logger that keeps every line. */
export function keptLog() {
  const lines: string[] = [];
  const keep = (level: string) => (line: string) => lines.push(`${level} ${line}`);
  const log: Logger = {
    debug: keep("debug"),
    info: keep("info"),
    warn: keep("warn"),
    error: keep("error"),
  };
  return { log, lines, grep: (part: string) => lines.filter((l) => l.includes(part)) };
}

/** A home in which the demo ran: real clusters and a proven and an active fix. */
export async function demoHome(): Promise<string> {
  const home = join(tempDir("lshml-engine-"), "home");
  await Deno.mkdir(home, { recursive: true });
  await runDemo({
    home,
    samples: join(ROOT, "samples"),
    config: resolveConfig({ env: {} }).config,
    now: () => new Date(),
    embedder: createLocalEmbedder({ dimensions: 512 }),
  });
  return home;
}

/** The real agent engine (the handler `lshml agent serve` runs) over `home`. */
export async function openEngine(home: string, options: {
  readonly settings?: Record<string, unknown>;
  readonly clock?: ReturnType<typeof wallClock>;
  readonly fetch?: typeof fetch;
} = {}) {
  const clock = options.clock ?? wallClock();
  const kept = keptLog();
  const effective = resolveConfig({
    env: {},
    ...(options.settings ? { file: { origin: "test", value: options.settings } } : {}),
  });
  const handler: HookHandler = await memoryHandlerFactory({
    seed: 7,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  }).create({
    effective,
    home: { dir: home, source: "flag" },
    log: kept.log,
    now: clock.now,
    hookBudgetMs: 1500,
  });
  const hook = (name: HookName, event: unknown, ctx: unknown) => handler.handle(name, event, ctx);
  return {
    handler,
    clock,
    ...kept,
    /** One user turn as OpenClaw fires it: before_prompt_build, then agent_end. */
    async turn(prompt: string, opts: {
      readonly session?: string;
      readonly messages?: unknown[];
      readonly tools?: {
        name: string;
        args: Record<string, unknown>;
        ok: boolean;
        output: string;
      }[];
      readonly answer?: string;
    } = {}) {
      const ctx = userCtx(opts.session, `run-${kept.lines.length}`);
      const injected = await hook(
        "before_prompt_build",
        { prompt, messages: opts.messages ?? [] },
        ctx,
      ) as { prependContext?: string } | undefined;
      await hook(
        "agent_end",
        agentEndEvent({
          prompt,
          ...(opts.tools ? { tools: opts.tools } : {}),
          ...(opts.answer ? { answer: opts.answer } : {}),
        }),
        ctx,
      );
      clock.advance(20_000);
      return injected?.prependContext;
    },
    /** A prompt alone (feedback that is not followed by a run yet). */
    prompt: (prompt: string, session?: string) =>
      hook("before_prompt_build", { prompt, messages: [] }, userCtx(session)) as Promise<
        { prependContext?: string } | undefined
      >,
  };
}

/** Every byte of every file under `dir`, as text (binary files decoded loosely). */
export async function everyFile(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (at: string) => {
    for await (const entry of Deno.readDir(at)) {
      const path = join(at, entry.name);
      if (entry.isDirectory) await walk(path);
      else if (entry.isFile) out.set(path, new TextDecoder().decode(await Deno.readFile(path)));
    }
  };
  await walk(dir);
  return out;
}
