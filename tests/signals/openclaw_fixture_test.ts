import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  isErrorSignal,
  openclawSources,
  type Signal,
  type SourceItem,
  TranscriptExtractor,
} from "../../src/signals/mod.ts";
import { ROOT } from "../_helpers/cli.ts";

/**
 * The fixture is a store written by a real OpenClaw 2026.9 run (see
 * tests/fixtures/openclaw/README.md); its manifest says which signals each
 * turn was scripted to produce.
 */
const FIXTURE = `${ROOT}tests/fixtures/openclaw`;
const manifest = JSON.parse(readFileSync(`${FIXTURE}/manifest.json`, "utf8")) as {
  facts: { events: number; sessions: number; compressedRows: number };
  turns: { id: string; sessionId: string | null; message: string; signals: string[] }[];
};

async function readAll(stateDir: string) {
  const items: SourceItem[] = [];
  for (const reader of await openclawSources(stateDir)) {
    await reader.read(undefined, (item) => items.push(item));
  }
  return items;
}

/** Signals per turn: from a user message up to the next one, per session. */
async function signalsPerTurn(stateDir: string): Promise<Map<string, Signal[]>> {
  const extractor = new TranscriptExtractor();
  const turns = new Map<string, Signal[]>();
  const current = new Map<string, string>();
  for (const item of await readAll(stateDir)) {
    if (item.kind !== "event") continue;
    const message = (item.event as { message?: { role?: string; content?: unknown } }).message;
    if (message?.role === "user" && typeof message.content === "string") {
      // Turns that failed have no session id in the manifest: match on the message.
      const turn = manifest.turns.find((t) =>
        (t.sessionId === null || t.sessionId === item.session) && message.content === t.message
      );
      if (turn) current.set(item.session, turn.id);
    }
    const result = extractor.extract(item.event, {
      sourceId: "openclaw:main",
      session: item.session,
      position: item.position,
    });
    expect(result.ok).toBe(true);
    const turn = current.get(item.session);
    if (turn && result.ok) turns.set(turn, [...(turns.get(turn) ?? []), ...result.signals]);
  }
  return turns;
}

function satisfies(signals: readonly Signal[], expected: string): boolean {
  if (expected === "tool_error") {
    return signals.some((s) => isErrorSignal(s) && s.origin === "tool");
  }
  if (expected === "llm_error") {
    return signals.some((s) => isErrorSignal(s) && s.origin === "model");
  }
  if (expected === "log_error") return signals.some((s) => isErrorSignal(s) && s.origin === "log");
  return signals.some((s) => s.type === expected);
}

describe("signals from a real OpenClaw 2026.9 store", () => {
  it("reads every transcript event, zstd-compressed rows included", async () => {
    const events = (await readAll(`${ROOT}samples/openclaw`)).filter((i) => i.kind === "event");
    expect(events).toHaveLength(manifest.facts.events);
    expect(new Set(events.map((e) => e.kind === "event" && e.session)).size).toBe(
      manifest.facts.sessions,
    );
  });

  it("reads the same events from the legacy JSONL session layout", async () => {
    const legacy = (await readAll(`${FIXTURE}/legacy`)).filter((i) => i.kind === "event");
    expect(legacy).toHaveLength(manifest.facts.events);
  });

  it("finds every signal each scripted turn was meant to produce", async () => {
    const perTurn = await signalsPerTurn(`${ROOT}samples/openclaw`);
    const missed: string[] = [];
    for (const turn of manifest.turns) {
      for (const expected of turn.signals) {
        if (!satisfies(perTurn.get(turn.id) ?? [], expected)) {
          missed.push(`${turn.id}: ${expected}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it("does not invent user feedback in turns that have none", async () => {
    const perTurn = await signalsPerTurn(`${ROOT}samples/openclaw`);
    const invented: string[] = [];
    for (const turn of manifest.turns) {
      for (const signal of perTurn.get(turn.id) ?? []) {
        if (signal.type.startsWith("user_") && !turn.signals.includes(signal.type)) {
          invented.push(`${turn.id}: ${signal.type}`);
        }
      }
    }
    expect(invented).toEqual([]);
  });
});
