import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../_helpers/cli.ts";

/** The rules of scripts/openclaw/fake_model_server.mjs (see its header). */
export type FakeModelScript = Record<string, unknown>;

/** One request the fake model server received (the JSONL log it appends). */
export interface ModelRequest {
  readonly ts: string;
  readonly method: string;
  readonly path: string;
  readonly body: {
    readonly messages?: readonly { readonly role: string; readonly content: unknown }[];
  } | null;
}

/** A running fake model server process and its request log. */
export interface FakeModel {
  readonly port: number;
  /** Every request so far, in order. */
  requests(): ModelRequest[];
  /** Chat-completion requests only. */
  completions(): ModelRequest[];
  /** Replaces the script; the server re-reads it on every request. */
  setScript(script: FakeModelScript): void;
  close(): Promise<void>;
}

/**
 * Starts scripts/openclaw/fake_model_server.mjs — a scripted OpenAI-compatible test server,
 * not a model — under OpenClaw's Node, on a free loopback port.
 */
export async function startFakeModel(
  node: string,
  dir: string,
  script: FakeModelScript,
): Promise<FakeModel> {
  const scriptFile = join(dir, "fake-model-script.json");
  const logFile = join(dir, "model-requests.jsonl");
  writeFileSync(scriptFile, JSON.stringify(script));
  const child = new Deno.Command(node, {
    args: [
      join(ROOT, "scripts/openclaw/fake_model_server.mjs"),
      "--port",
      "0",
      "--log",
      logFile,
      "--script",
      scriptFile,
    ],
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let first = "";
  while (!first.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) throw new Error("fake model server exited before listening");
    first += value;
  }
  reader.releaseLock();
  void child.stdout.cancel().catch(() => undefined);
  const { port } = JSON.parse(first.split("\n")[0] as string) as { port: number };
  const requests = (): ModelRequest[] =>
    existsSync(logFile)
      ? readFileSync(logFile, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line))
      : [];
  return {
    port,
    requests,
    completions: () => requests().filter((r) => r.path.endsWith("/chat/completions")),
    setScript: (next) => writeFileSync(scriptFile, JSON.stringify(next)),
    close: async () => {
      child.kill("SIGTERM");
      await child.status;
    },
  };
}

/** The text of a message's content (a string, or text parts). */
export function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((p) => (typeof p?.text === "string" ? p.text : "")).join("\n");
}

/** OpenClaw adds this user-role block after the user's words; it is not what the user said. */
const INTERNAL_CONTEXT = "<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>";

/** The user messages of a request that carry the user's words (with what plugins prepended). */
export function userTexts(request: ModelRequest): string[] {
  return (request.body?.messages ?? []).filter((m) => m.role === "user").map((m) =>
    textOf(m.content)
  )
    .filter((text) => !text.trimStart().startsWith(INTERNAL_CONTEXT));
}
