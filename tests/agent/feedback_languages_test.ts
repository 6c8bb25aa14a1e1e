import { describe, expect, it } from "vitest";
import { createHarness, runTurn } from "./_harness.ts";

const TASK = "fix the failing build in the ci.yml workflow";
const tool = { name: "exec", args: { command: "npm test" }, ok: true, output: "ok" };

async function rewardAfter(feedback: string) {
  const h = createHarness();
  await runTurn(h, TASK, { tools: [tool] });
  await h.host.beforePromptBuild({ prompt: feedback }, { sessionKey: "agent:main:main" });
  await h.host.idle();
  const line = h.logs.find((l) => l.startsWith("lshml: feedback scored"));
  return { h, line, reward: Number(/reward=(-?[\d.]+)/.exec(line ?? "")?.[1]) };
}

const CASES: readonly [lang: string, positive: string, negative: string][] = [
  ["en", "great, that works now!", "thanks, but it still fails"],
  ["zh-Hans", "太好了，终于可以了", "还是不行"],
  ["zh-Hant", "謝謝，問題解決了", "為什麼還是壞的？"],
  ["ja", "ありがとう、動きました", "まだ動かない"],
];

describe("feedback polarity through the host (FAKE memory, real detectFeedback and heuristic reward)", () => {
  for (const [lang, positive, negative] of CASES) {
    it(`${lang}: "${positive}" scores positive`, async () => {
      const { reward, line } = await rewardAfter(positive);
      expect(line).toContain("end=feedback");
      expect(reward).toBeGreaterThan(0.5);
    });

    it(`${lang}: "${negative}" scores negative`, async () => {
      const { reward, line } = await rewardAfter(negative);
      expect(line).toContain("end=feedback");
      expect(reward).toBeLessThan(-0.3);
    });
  }

  it('"thanks, but it still fails" is negative although it starts with thanks', async () => {
    const { reward, line } = await rewardAfter("thanks, but it still fails");
    expect(line).toContain("user: negative");
    expect(reward).toBeLessThan(0);
  });

  it('"why is it still broken?" is feedback on the task, not a new request', async () => {
    const { h, reward } = await rewardAfter("why is it still broken?");
    expect(reward).toBeLessThan(0);
    expect(h.logged("task scored (task goes on)")).toHaveLength(1);
    expect(h.logged("[lshml] pending created")).toHaveLength(1);
    expect(h.logged("reason=new_intent")).toHaveLength(0);
  });
});
