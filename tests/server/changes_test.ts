import { appendFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ChangeEvent } from "../../src/server/mod.ts";
import { createApp, pollingWatcher } from "../../src/server/mod.ts";
import { manualNotifier, request, testDeps } from "./_fixtures.ts";

const tempHome = () => Deno.makeTempDirSync({ prefix: "lshml-watch-test-" });
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("pollingWatcher()", () => {
  it("reports the files that changed since the last look, and the topics they feed", async () => {
    const home = tempHome();
    await mkdir(join(home, "memory"), { recursive: true });
    const watcher = pollingWatcher({ intervalMs: 60_000 });
    const seen: ChangeEvent[] = [];
    const stop = watcher.subscribe(home, (e) => seen.push(e));
    await tick(); // the baseline
    await watcher.poll();
    expect(seen).toEqual([]);
    await writeFile(join(home, "memory", "state.json"), "{}");
    await mkdir(join(home, "assets", "gep"), { recursive: true });
    await appendFile(join(home, "assets", "gep", "events.jsonl"), "{}\n");
    await watcher.poll();
    expect(seen).toHaveLength(1);
    expect([...seen[0]!.files].sort()).toEqual(["assets/gep/events.jsonl", "memory/state.json"]);
    expect(seen[0]!.topics).toEqual(expect.arrayContaining(["overview", "review", "events"]));
    expect(seen[0]!.topics).not.toContain("memories");
    await watcher.poll();
    expect(seen).toHaveLength(1);
    stop();
    await appendFile(join(home, "assets", "gep", "events.jsonl"), "{}\n");
    await watcher.poll();
    expect(seen).toHaveLength(1);
    watcher.close();
  });

  it("sees an append that keeps the modification time's second (by size)", async () => {
    const home = tempHome();
    await mkdir(join(home, "memory"), { recursive: true });
    await writeFile(join(home, "memory", "feedback.jsonl"), "{}\n");
    const watcher = pollingWatcher({ intervalMs: 60_000 });
    const seen: ChangeEvent[] = [];
    watcher.subscribe(home, (e) => seen.push(e));
    await tick();
    await appendFile(join(home, "memory", "feedback.jsonl"), "{}\n");
    await watcher.poll();
    expect(seen.map((e) => e.files)).toEqual([["memory/feedback.jsonl"]]);
    watcher.close();
  });
});

async function readEvent(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes("\n\n")) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  return text;
}

describe("GET /api/changes", () => {
  it("streams ready, then a changed event per change of the chosen home, until the client leaves", async () => {
    const home = tempHome();
    const changes = manualNotifier();
    const app = createApp(testDeps(home, { changes }));
    const res = await request(app, "/api/changes?home=home");
    expect(res.headers.get("Content-Type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    expect(await readEvent(reader)).toContain("event: ready");
    expect(changes.subscribers()).toBe(1);
    changes.emit({ homeDir: join(home, "memory", "demo"), topics: ["events"], files: ["x"] });
    changes.emit({
      homeDir: home,
      topics: ["overview", "events"],
      files: ["assets/gep/events.jsonl"],
    });
    const changed = await readEvent(reader);
    expect(changed).toContain("event: changed");
    const data = JSON.parse(changed.split("\n").find((l) => l.startsWith("data: "))!.slice(6));
    expect(data).toEqual({
      home: "home",
      topics: ["overview", "events"],
      files: ["assets/gep/events.jsonl"],
    });
    await reader.cancel();
    for (let i = 0; i < 50 && changes.subscribers() > 0; i++) await tick();
    expect(changes.subscribers()).toBe(0);
  });

  it("ends every stream when the server closes", async () => {
    const home = tempHome();
    const closing = new AbortController();
    const changes = manualNotifier();
    const app = createApp(testDeps(home, { changes, closing: closing.signal }));
    const res = await request(app, "/api/changes");
    const reader = res.body!.getReader();
    await readEvent(reader);
    closing.abort();
    const rest = await reader.read();
    expect(rest.done).toBe(true);
    expect(changes.subscribers()).toBe(0);
  });
});
