import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { homeFlags, lshml } from "../_helpers/cli.ts";
import { ECHO_SOURCE } from "../../src/agent_server/mod.ts";
import {
  type OpenClawHarness,
  startOpenClawHarness,
  type TurnResult,
} from "./_openclaw/harness.ts";

/**
 * The model is scripts/openclaw/fake_model_server.mjs, a scripted test server, not a model.
 * The engine runs `lshml agent serve --stdio --echo`: the bridge-test handler, which injects
 * a fixed-format `<lshml-memories>` block echoing what crossed the bridge. This file proves
 * the bridge; the MemRL conversation on top of it comes with the AgentHost.
 */
const SCRIPT = {
  rules: [
    {
      match: "run the slow check",
      toolCall: {
        name: "exec",
        arguments: { command: "sleep 3 && echo check-done", title: "slow check" },
      },
      after: "The check finished.",
    },
  ],
  default: { text: "Fake reply from the test server." },
};

const turns: { name: string; turn: TurnResult }[] = [];

afterAll(() => {
  // What the bridge adds per turn (DESIGN §8 asks p50 ≤ 20 ms); printed, not asserted.
  for (const { name, turn } of turns) {
    console.log(
      `[openclaw e2e] ${name}: bridge ${turn.bridgeMs ?? "?"} ms of ${
        Math.round(turn.wallMs)
      } ms wall`,
    );
  }
});

describe("lshml's plugin in a real OpenClaw 2026.9 (fake model server, echo handler)", () => {
  let oc: OpenClawHarness;

  beforeAll(async () => {
    oc = await startOpenClawHarness({
      script: SCRIPT,
      pluginConfig: { engine: { args: ["--echo"] } },
    });
  });

  afterAll(async () => await oc?.close());

  it("starts the engine in Deno's sandbox and gets its prependContext into the model request", async () => {
    const turn = await oc.runTurn("Hello, what can you do?");
    turns.push({ name: "turn 1", turn });
    expect(turn.code).toBe(0);
    expect(turn.reply).toBe("Fake reply from the test server.");
    // prependContext lands in the user message, after OpenClaw's timestamp.
    expect(turn.userText).toMatch(
      new RegExp(`^\\[[^\\]]+ UTC\\] <lshml-memories source="${ECHO_SOURCE}" trust="untrusted">`),
    );
    expect(turn.userText).toContain(
      "before_prompt_build #1; session agent:main:main; prompt 23 chars; 0 earlier messages.",
    );
    expect(turn.userText).toContain("</lshml-memories>\n\nHello, what can you do?");
    const logs = oc.readLogs();
    // -P does not grant the temporary lshml home: the plugin restarts the engine with the
    // exact flags the engine named.
    expect(logs).toMatch(/lshml: starting the engine \(pid \d+\): \S+ run --quiet --no-prompt -P /);
    expect(logs).toContain(
      `restarting it with exactly: --allow-read=${oc.dirs.lshmlHome},`,
    );
    expect(logs).toContain(
      `lshml: initialized (home ${oc.dirs.lshmlHome}, handler echo (bridge test)`,
    );
    expect(logs).toMatch(
      /\[lshml\] hook before_prompt_build #1 \(echo handler\) session agent:main:main/,
    );
    expect(turn.bridgeMs).toBeDefined();
  });

  it("keeps answering when the engine is killed mid-turn, and restarts the engine", async () => {
    const killed: number[] = [];
    const turn = await oc.runTurn("Please run the slow check.", {
      onModelRequest: (n) => {
        if (n === 1) killed.push(oc.killEngine());
      },
    });
    turns.push({ name: "turn 2 (engine killed)", turn });
    expect(killed).toHaveLength(1);
    expect(turn.code).toBe(0);
    expect(turn.reply).toBe("The check finished.");
    expect(turn.requests).toHaveLength(2); // the tool call, then the answer after its result
    expect(turn.stderr).toMatch(
      /lshml: the engine exited \(signal SIGKILL\); restarting in 250 ms/,
    );
    // The restarted engine (a new pid) gets the hooks that came after the kill.
    const ready = [...turn.stderr.matchAll(/lshml: engine ready in \d+ ms \(pid (\d+)/g)].map((m) =>
      Number(m[1])
    );
    expect(ready).toHaveLength(2);
    expect(ready[1]).not.toBe(killed[0]);
    // after_tool_call came after the kill, so only the new engine saw it.
    expect(turn.stderr).toMatch(/\[lshml\] hook after_tool_call #1 \(echo handler\)/);
    expect(turn.stderr).toMatch(
      /bridge time this run: .*\(engine ready in \d+ ms, failures \d+, restarts 1\)/,
    );
  });

  it("answers the next turn of the session with context injected again, history included", async () => {
    const turn = await oc.runTurn("Thanks, that works now.");
    turns.push({ name: "turn 3", turn });
    expect(turn.code).toBe(0);
    expect(turn.reply).toBe("Fake reply from the test server.");
    expect(turn.userText).toContain("<lshml-memories");
    // OpenClaw's history holds turns 1 and 2 (user, tool call, tool result, answers): it
    // crossed the bridge in before_prompt_build's event.
    const earlier = /prompt 23 chars; (\d+) earlier messages/.exec(turn.userText);
    expect(Number(earlier?.[1])).toBeGreaterThanOrEqual(4);
    expect(oc.enginePids().length).toBeLessThanOrEqual(1);
  });
});

describe("`lshml plugin install --yes` against a real OpenClaw 2026.9 (fake model server)", () => {
  let oc: OpenClawHarness;
  beforeAll(async () => {
    oc = await startOpenClawHarness({ install: "none" });
  });
  afterAll(async () => await oc?.close());

  it("writes, links and grants the plugin folder; the next turn runs the engine it names", async () => {
    const home = oc.dirs.lshmlHome;
    const install = await lshml(["--home", home, "plugin", "install", "--yes"], {
      sandbox: { flags: [...homeFlags(home, oc.dirs.state), "--allow-run=openclaw"] },
      env: oc.env,
    });
    expect(install.stderr).toBe("");
    expect(install.code).toBe(0);
    const folder = join(home, "openclaw-plugin");
    const config = JSON.parse(readFileSync(join(oc.dirs.state, "openclaw.json"), "utf8"));
    expect(config.plugins.load.paths).toEqual([folder]);
    expect(config.plugins.entries.lshml).toMatchObject({
      enabled: true,
      hooks: { allowConversationAccess: true },
    });
    // The bridge-test handler instead of the memory engine, set the way a user sets config.
    const set = await oc.openclaw([
      "config",
      "set",
      "plugins.entries.lshml.config.engine.args",
      '["--echo"]',
      "--strict-json",
    ]);
    expect(set.code).toBe(0);
    const turn = await oc.runTurn("Hello from a linked plugin folder.");
    turns.push({ name: "linked folder turn", turn });
    expect(turn.code).toBe(0);
    expect(turn.userText).toContain(`<lshml-memories source="${ECHO_SOURCE}"`);
    expect(oc.readLogs()).toContain(`lshml: initialized (home ${home}, handler echo (bridge test)`);
  });
});
