import { describe, expect, it } from "vitest";
import { homeFlags, lshml, ROOT, tempDir } from "../_helpers/cli.ts";
import { ECHO_SOURCE, ResponseSchema } from "../../src/agent_server/mod.ts";

const lines = (...requests: unknown[]) => requests.map((r) => JSON.stringify(r)).join("\n") + "\n";
const init = { id: 1, type: "init", config: {}, version: "0.1.0" };
const prompt = {
  id: 2,
  type: "hook",
  hook: "before_prompt_build",
  event: { prompt: "the build fails again", messages: [{ role: "user", content: "hi" }] },
  ctx: { sessionKey: "agent:main:main" },
};

/** The responses on stdout (unsolicited `{type:"log"}` lines left out). */
function answers(stdout: string) {
  return stdout.trim().split("\n").map((line) => JSON.parse(line))
    .filter((message) => message.type !== "log")
    .map((message) => ResponseSchema.parse(message));
}

describe("lshml agent serve --stdio (a real engine process)", () => {
  it("answers init and hooks on stdout, one JSON line each, under -P", async () => {
    const run = await lshml(["agent", "serve", "--stdio", "--echo"], {
      stdin: lines(init, prompt),
    });
    expect(run.code).toBe(0);
    const [ready, hook] = answers(run.stdout);
    expect(ready).toMatchObject({ id: 1, ok: true, result: { home: ROOT.replace(/\/$/, "") } });
    expect(ready?.logs?.[0]).toMatch(/^lshml: initialized \(home .*, handler echo \(bridge test\)/);
    expect(hook).toMatchObject({ id: 2, ok: true });
    const injected = (hook as { result: { prependContext: string } }).result.prependContext;
    expect(injected).toContain(`<lshml-memories source="${ECHO_SOURCE}" trust="untrusted">`);
    expect(injected).toContain("prompt 21 chars; 1 earlier messages");
  });

  it("answers SANDBOX_MISSING with exact flags for a home -P does not grant; those flags work", async () => {
    const home = tempDir();
    const first = await lshml(["agent", "serve", "--stdio"], {
      stdin: lines(init),
      env: { LSHML_HOME: home },
    });
    const [refusal] = answers(first.stdout);
    expect(refusal).toMatchObject({ id: 1, ok: false, error: { code: "SANDBOX_MISSING" } });
    const flags = (refusal as { error: { flags: string[] } }).error.flags;
    expect(flags).toEqual([
      `--allow-read=${home},${ROOT.replace(/\/$/, "")}`,
      `--allow-write=${home}`,
      "--allow-net=localhost:11434",
      "--allow-env",
    ]);
    const second = await lshml(["agent", "serve", "--stdio"], {
      sandbox: { flags },
      stdin: lines(init, prompt),
      env: { LSHML_HOME: home },
    });
    const [ready, hook] = answers(second.stdout);
    expect(ready).toMatchObject({
      ok: true,
      result: { home, handler: "memory" },
    });
    // The real agent engine answered: a first prompt opens a task and has nothing to inject.
    expect(hook).toMatchObject({ id: 2, ok: true });
    expect((hook as { result?: unknown }).result).toBeUndefined();
    const logged = [...(ready?.logs ?? []), ...((hook as { logs?: string[] }).logs ?? [])];
    expect(logged.join("\n")).toContain("lshml: loaded 0 episodic memories");
    expect(logged.join("\n")).toContain("[lshml] hook before_prompt_build");
    expect(second.code).toBe(0);
  });

  it("writes only JSON lines on stdout, even for a request it cannot parse", async () => {
    const run = await lshml(["agent", "serve", "--stdio"], {
      sandbox: { flags: homeFlags(tempDir()) },
      stdin: "not json\n",
    });
    for (const line of run.stdout.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("refuses to run without --stdio (exit 2)", async () => {
    const run = await lshml(["agent", "serve"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("needs --stdio");
  });
});
