import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCommands, runExecutor } from "../../src/solidify/mod.ts";
import { DENO, tempDir } from "./_repo.ts";

const SOURCE = fileURLToPath(new URL("../../src/solidify/", import.meta.url));
const quick = { timeoutMs: 20_000, maxOutputBytes: 4096 };

describe("runCommands()", () => {
  it("passes each argv element as one argument: no shell interprets pipes, ; && $ or >", async () => {
    const cwd = tempDir();
    const text = "a | tee pwned; touch pwned2 && echo $HOME > pwned3 `id`";
    const [result] = await runCommands([["echo", text]], { cwd, ...quick });
    expect(result).toMatchObject({ ok: true, code: 0, stdoutTail: `${text}\n` });
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("runs a shell only when the caller names one", async () => {
    const cwd = tempDir();
    const [result] = await runCommands([["sh", "-c", "echo from-a-shell > out.txt"]], {
      cwd,
      ...quick,
    });
    expect(result?.ok).toBe(true);
    expect(readFileSync(join(cwd, "out.txt"), "utf8")).toBe("from-a-shell\n");
  });

  it("never builds a shell command itself: no shell option, no shell program in its source", () => {
    const files = readdirSync(SOURCE).filter((name) => name.endsWith(".ts"));
    const code = (name: string) =>
      readFileSync(join(SOURCE, name), "utf8").split("\n")
        .filter((line) => !/^\s*(?:\*|\/\*|\/\/)/.test(line)).join("\n");
    const source = files.map(code).join("\n");
    expect(source).not.toMatch(/shell:\s*true/);
    expect(source).not.toMatch(
      /["'`](?:\/bin\/)?(?:sh|bash|zsh|dash|cmd(?:\.exe)?|powershell|pwsh)["'`]/,
    );
    const spawning = files.filter((name) => code(name).includes("node:child_process"));
    expect(spawning).toEqual(["_spawn.ts"]);
    const spawner = code("_spawn.ts");
    expect(spawner).toContain('import { type ChildProcess, spawn } from "node:child_process";');
    expect(spawner).toMatch(/shell: false/);
  });

  it("stops at the first failure unless told otherwise", async () => {
    const cwd = tempDir();
    const commands = [["false"], ["echo", "second"]];
    expect((await runCommands(commands, { cwd, ...quick })).map((r) => r.code)).toEqual([1]);
    const all = await runCommands(commands, { cwd, ...quick, stopOnFailure: false });
    expect(all.map((r) => [r.ok, r.code])).toEqual([[false, 1], [true, 0]]);
  });

  it("kills a command that outlives its timeout", async () => {
    const [result] = await runCommands([[DENO, "eval", "setInterval(() => {}, 1000)"]], {
      cwd: tempDir(),
      timeoutMs: 300,
      maxOutputBytes: 100,
    });
    expect(result).toMatchObject({ ok: false, timedOut: true, code: null, signal: "SIGTERM" });
    expect(result?.durationMs).toBeLessThan(5_000);
  });

  it("reports a program that is not on PATH instead of throwing", async () => {
    const [result] = await runCommands([["lshml-no-such-program-xyz"]], {
      cwd: tempDir(),
      ...quick,
    });
    expect(result).toMatchObject({ ok: false, code: null, error: "ENOENT" });
  });

  it("keeps only the tail of long output", async () => {
    const script = "console.log('x'.repeat(100000) + 'THE END')";
    const [result] = await runCommands([[DENO, "eval", script]], {
      cwd: tempDir(),
      timeoutMs: 20_000,
      maxOutputBytes: 64,
    });
    expect(result?.stdoutTail).toHaveLength(64);
    expect(result?.stdoutTail.endsWith("THE END\n")).toBe(true);
  });

  it("gives the commands exactly the environment passed", async () => {
    const script = "console.log(JSON.stringify(Object.keys(Deno.env.toObject()).sort()))";
    const env = { PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin", ONLY_THIS: "1" };
    const [result] = await runCommands([[DENO, "eval", script]], { cwd: tempDir(), ...quick, env });
    expect(JSON.parse(result?.stdoutTail ?? "[]")).toEqual(["ONLY_THIS", "PATH"]);
  });

  it("rejects an empty argv or a non-string element before running anything", async () => {
    const cwd = tempDir();
    await expect(runCommands([["echo", "x"], []], { cwd, ...quick })).rejects.toThrow(TypeError);
    const bad = [["echo", 1 as unknown as string]];
    await expect(runCommands(bad, { cwd, ...quick })).rejects.toThrow(TypeError);
    expect(existsSync(join(cwd, "x"))).toBe(false);
  });
});

describe("runExecutor()", () => {
  it("gives the executor the prompt on stdin, in the workspace", async () => {
    const cwd = tempDir();
    const prompt = "# GEP prompt\n".repeat(10_000) + "ACTION: none\n";
    const script = "const t = await new Response(Deno.stdin.readable).text();" +
      "Deno.writeTextFileSync('got.txt', String(t.length)); console.log('read', t.length)";
    const result = await runExecutor([DENO, "eval", script], prompt, { cwd, timeoutMs: 20_000 });
    expect(result).toMatchObject({ ok: true, code: 0, timedOut: false, promptNotRead: null });
    expect(readFileSync(join(cwd, "got.txt"), "utf8")).toBe(String(prompt.length));
  });

  it("stops an executor that runs past its time", async () => {
    const result = await runExecutor([DENO, "eval", "setInterval(() => {}, 1000)"], "prompt", {
      cwd: tempDir(),
      timeoutMs: 300,
    });
    expect(result).toMatchObject({ ok: false, timedOut: true });
  });
});
