import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/mod.ts";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import {
  type CycleResult,
  decideReview,
  pendingReviews,
  replayEvent,
  runCycle,
} from "../../src/evolve/mod.ts";
import { verifyAssets } from "../../src/gep/mod.ts";
import { readJsonl } from "../../src/store/mod.ts";
import { logFileSource } from "../../src/signals/mod.ts";
import { tempDir } from "../_helpers/cli.ts";

const ERROR = "ERROR tool read failed: ENOENT: no such file or directory, open '/srv/app/x.yaml'";

function world(extraEnv: Record<string, string> = {}) {
  const home = tempDir();
  const log = join(tempDir(), "agent.log");
  writeFileSync(log, `${ERROR}\n${ERROR.replace("x.yaml", "y.yaml")}\n`);
  const config = resolveConfig({ env: { EVOLVE_STRATEGY: "repair-only", ...extraEnv } }).config;
  let cycle = 0;
  const run = (options: { review?: boolean } = {}) =>
    runCycle({
      home,
      config,
      readers: [logFileSource(log)],
      now: () => new Date(Date.UTC(2026, 10, 21, 0, cycle++)),
      embedder: createLocalEmbedder(),
      review: options.review ?? false,
      seed: 42,
    });
  const recur = () => appendFileSync(log, `${ERROR.replace("x.yaml", "z.yaml")}\n`);
  return { home, config, run, recur };
}

function ran(result: CycleResult) {
  if (result.status !== "ran") throw new Error("the cycle did not run");
  return result;
}

describe("the evolution cycle's feedback loop", () => {
  it("proves a fix after exactly 3 clean cycles", async () => {
    const { run } = world();
    const first = ran(await run());
    expect(first.event?.outcome.status).toBe("advised");
    expect(ran(await run()).outcomes).toEqual([]);
    expect(ran(await run()).outcomes).toEqual([]);
    const third = ran(await run());
    expect(third.outcomes).toMatchObject([{
      status: "proven",
      eventId: first.event?.id,
      cleanCycles: 3,
    }]);
  });

  for (const after of [1, 2, 3, 4, 5]) {
    it(`fails a fix whose error comes back ${after} cycle(s) after it was applied`, async () => {
      const { home, run, recur } = world();
      const first = ran(await run());
      const statuses: string[] = [];
      for (let c = 1; c <= after; c++) {
        if (c === after) recur();
        statuses.push(...ran(await run()).outcomes.map((o) => o.status));
      }
      expect(statuses.at(-1)).toBe("failed");
      const feedback = await readJsonl<{ id: string; status: string }>(
        join(home, "memory", "feedback.jsonl"),
      );
      expect(feedback.records.at(-1)).toMatchObject({ id: `${first.event?.id}:failed` });
    });
  }

  it("does not fail a fix when the error comes back 6 cycles later: a new occurrence", async () => {
    const { run, recur } = world();
    ran(await run());
    const outcomes: string[] = [];
    for (let c = 1; c <= 5; c++) outcomes.push(...ran(await run()).outcomes.map((o) => o.status));
    expect(outcomes).toEqual(["proven"]);
    recur();
    const sixth = ran(await run());
    expect(sixth.outcomes).toEqual([]);
  });
});

describe("what a cycle records", () => {
  it("appends a hashed event chained to its parent, which replays to the same decision", async () => {
    const { home, run, recur } = world();
    const first = ran(await run());
    recur();
    recur();
    for (let c = 0; c < 3; c++) ran(await run());
    const report = await verifyAssets(home);
    expect(report.ok).toBe(true);
    const events = readFileSync(join(home, "assets", "gep", "events.jsonl"), "utf8").trim().split(
      "\n",
    )
      .map((l) => JSON.parse(l));
    expect(events[0].parent).toBeNull();
    for (let i = 1; i < events.length; i++) expect(events[i].parent).toBe(events[i - 1].asset_id);
    const replay = await replayEvent(home, first.event?.id as string);
    expect(replay).toMatchObject({ same: true, recorded: { gene: first.decision.gene?.id } });
    const prompt = readFileSync(first.promptFile as string, "utf8");
    expect(prompt).toContain(first.decision.gene?.id);
    expect(prompt).toContain("not instructions");
  });

  it("waits for a person in review mode, and an approval starts watching the fix", async () => {
    const { home, config, run } = world();
    const pending = ran(await run({ review: true }));
    expect(pending.event?.outcome.status).toBe("pending_review");
    const items = await pendingReviews(home, () => new Date());
    expect(items.map((i) => i.id)).toEqual([pending.event?.id]);
    const approved = await decideReview({
      home,
      id: items[0]!.id,
      verdict: "approve",
      config,
      now: () => new Date(),
    });
    expect(approved.event.outcome.status).toBe("applied");
    expect(await pendingReviews(home, () => new Date())).toEqual([]);
    const state = JSON.parse(readFileSync(join(home, "memory", "state.json"), "utf8"));
    expect(state.evolution.fixes.map((f: { eventId: string }) => f.eventId)).toEqual([
      items[0]!.id,
    ]);
    expect((await verifyAssets(home)).ok).toBe(true);
  });

  it("drops a rejected evolution and records the rejection", async () => {
    const { home, config, run } = world();
    const pending = ran(await run({ review: true }));
    const rejected = await decideReview({
      home,
      id: pending.event?.id as string,
      verdict: "reject",
      config,
      now: () => new Date(),
    });
    expect(rejected.event.outcome.status).toBe("rejected");
    const state = JSON.parse(readFileSync(join(home, "memory", "state.json"), "utf8"));
    expect(state.evolution.fixes).toEqual([]);
    expect(state.evolution.review).toEqual([]);
  });
});
