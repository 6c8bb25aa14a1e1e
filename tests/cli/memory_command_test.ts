import { describe, expect, it } from "vitest";
import { homeFlags, lshml, tempDir } from "../_helpers/cli.ts";
import { everyFile } from "../agent_engine/_engine.ts";

const SECRET = "ghp_R4nd0mT0k3nV4lu3F0rT3st1ngXyZ12345678";
const DEPLOY = "deploy the web app to staging with helm";
const JEST = "fix flaky jest tests in the ci pipeline";
const INPUT = [
  JSON.stringify({
    intent: DEPLOY,
    experience: "Worked: wait for the pending release, then upgrade",
  }),
  JSON.stringify({ intent: JEST, experience: `Worked: --runInBand; the token was ${SECRET}` }),
  "not json",
  JSON.stringify({ intent: "" }),
].join("\n");

/** `lshml --home H memory …` under the local-only sandbox widened to a temporary home. */
const memory = (home: string, args: string[], stdin?: string) =>
  lshml(["--home", home, "memory", ...args], {
    sandbox: { flags: homeFlags(home) },
    ...(stdin === undefined ? {} : { stdin }),
  });

async function homeWithTwo() {
  const home = tempDir();
  const run = await memory(home, ["import", "-", "--json"], INPUT);
  return { home, run };
}

describe("lshml memory (real processes, real files)", () => {
  it("import: takes JSON lines from stdin, reports the bad lines, redacts secrets before storing", async () => {
    const { home, run } = await homeWithTwo();
    expect(run.code).toBe(1); // two lines were left out: say so in the exit code
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ imported: 2, merged: 0, total: 2 });
    expect(report.invalid.map((x: { at: string }) => x.at)).toEqual(["line 3", "line 4"]);
    for (const [path, text] of await everyFile(home)) {
      expect(text.includes(SECRET), `${path} holds the secret`).toBe(false);
    }
    const list = JSON.parse((await memory(home, ["list", "--json", "--sort", "created"])).stdout);
    expect(list.total).toBe(2);
    expect(list.memories.map((m: { intent: string }) => m.intent)).toEqual([JEST, DEPLOY]);
  });

  it("search: one JSON line per query on stdin, with what the plugin would inject", async () => {
    const { home } = await homeWithTwo();
    const run = await memory(home, ["search", "--json"], `${DEPLOY} please\nwrite a poem\n`);
    expect(run.code).toBe(0);
    const [deploy, poem] = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(deploy.query).toBe(`${DEPLOY} please`);
    expect(deploy.reason).toBe("injected");
    expect(deploy.hits[0]).toMatchObject({ intent: DEPLOY, selected: true });
    expect(deploy.block).toContain("<lshml-memories>");
    expect(deploy.block).toContain("wait for the pending release");
    expect(poem.reason).not.toBe("injected");
    expect(poem.block).toBeNull();

    const text = await memory(home, ["search", "deploy", "the", "web", "app", "to", "staging"]);
    expect(text.stdout).toContain("the plugin would inject 1");
  });

  it("show: the record and the escaped block; an unknown id is a usage error", async () => {
    const { home } = await homeWithTwo();
    const [first] = JSON.parse((await memory(home, ["list", "--json"])).stdout).memories;
    const run = await memory(home, ["show", first.id]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(first.intent);
    expect(run.stdout).toContain("UNTRUSTED HINTS");
    const missing = await memory(home, ["show", "no-such-id"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no memory "no-such-id"');
  });

  it("forget: the memory and its text leave the disk; an unknown id fails", async () => {
    const { home } = await homeWithTwo();
    const { memories } = JSON.parse((await memory(home, ["list", "--json"])).stdout);
    const jest = memories.find((m: { intent: string }) => m.intent === JEST);
    const run = await memory(home, ["forget", jest.id, "nope", "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ forgotten: [jest.id], missing: ["nope"] });
    for (const text of (await everyFile(home)).values()) expect(text).not.toContain("runInBand");
    const after = JSON.parse((await memory(home, ["list", "--json"])).stdout);
    expect(after.total).toBe(1);
  });

  it("export → import into another home keeps ids and Q; importing twice changes nothing", async () => {
    const { home } = await homeWithTwo();
    const exported = await memory(home, ["export"]);
    expect(exported.code).toBe(0);
    const doc = JSON.parse(exported.stdout);
    expect(doc.memories).toHaveLength(2);

    const other = tempDir();
    const first = await memory(other, ["import", "-", "--json"], exported.stdout);
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: 2, skipped: 0, invalid: [] });
    const again = await memory(other, ["import", "-", "--json"], exported.stdout);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, skipped: 2, total: 2 });
    const ids = (h: string) =>
      memory(h, ["list", "--json"]).then((r) =>
        JSON.parse(r.stdout).memories.map((m: { id: string }) => m.id).sort()
      );
    expect(await ids(other)).toEqual(await ids(home));
  });

  it("export --out never replaces a file without --force", async () => {
    const { home } = await homeWithTwo();
    const out = `${home}/team.json`;
    await Deno.writeTextFile(out, "keep me");
    const refused = await memory(home, ["export", "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--force");
    expect(await Deno.readTextFile(out)).toBe("keep me");
    const forced = await memory(home, ["export", "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(JSON.parse(await Deno.readTextFile(out)).memories).toHaveLength(2);
  });
});
