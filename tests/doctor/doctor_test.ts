import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/mod.ts";
import type { Home } from "../../src/config/mod.ts";
import { runDoctor } from "../../src/doctor/mod.ts";
import { requiredPermissions } from "../../src/sandbox/mod.ts";
import { tempDir } from "../_helpers/cli.ts";

function doctorFor(home: Home, env: Record<string, string> = {}) {
  const effective = resolveConfig({ env });
  const context = { env: { HOME: tempDir(), ...env }, cwd: "/" };
  return runDoctor({
    home,
    effective,
    needs: requiredPermissions({ config: effective.config, home, ...context }),
    query: () => Promise.resolve("granted"),
    ...context,
    runtime: { name: "deno", version: Deno.version.deno, compiled: false },
    configFilePresent: false,
  });
}

describe("runDoctor()", () => {
  it("is ok on a brand-new home and lists every data file as not yet created", async () => {
    const report = await doctorFor({ dir: join(tempDir(), "new-home"), source: "flag" });
    expect(report.ok).toBe(true);
    expect(report.home).toMatchObject({ exists: false, writable: true });
    expect(report.files.every((f) => f.health.status === "missing")).toBe(true);
  });

  it("fails on a corrupt JSON data file and names it", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "memory"));
    writeFileSync(join(dir, "memory", "state.json"), "{ nope");
    const report = await doctorFor({ dir, source: "flag" });
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatch(/^memory\/state\.json is corrupt: not valid JSON/);
  });

  it("tolerates a torn JSONL tail and set-aside copies, with warnings", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "memory"));
    writeFileSync(join(dir, "memory", "feedback.jsonl"), '{"a":1}\n{"a":');
    writeFileSync(join(dir, "memory", "knowledge.json.corrupt-20261121T105001Z"), "{");
    const report = await doctorFor({ dir, source: "flag" });
    expect(report.ok).toBe(true);
    const feedback = report.files.find((f) => f.file === "memory/feedback.jsonl");
    expect(feedback?.health).toMatchObject({ status: "ok", records: 1 });
    expect(report.warnings.join("\n")).toContain("line 2 is cut off");
    expect(report.warnings.join("\n")).toContain("knowledge.json.corrupt-20261121T105001Z");
  });

  describe("with an Ollama-speaking server on loopback", () => {
    let server: Deno.HttpServer<Deno.NetAddr> | undefined;
    let url = "";
    beforeAll(() => {
      server = Deno.serve(
        { hostname: "127.0.0.1", port: 0, onListen: () => undefined },
        (req) =>
          new URL(req.url).pathname === "/api/version"
            ? Response.json({ version: "0.12.3" })
            : new Response("not found", { status: 404 }),
      );
      url = `http://127.0.0.1:${server.addr.port}`;
    });
    afterAll(async () => {
      await server?.shutdown();
    });

    it("reports Ollama reachable with its version", async () => {
      const report = await doctorFor({ dir: tempDir(), source: "flag" }, { OLLAMA_URL: url });
      expect(report.ollama.probe).toEqual({ reachable: true, version: "0.12.3" });
    });

    it("fails when a provider uses Ollama and nothing answers", async () => {
      const report = await doctorFor({ dir: tempDir(), source: "flag" }, {
        OLLAMA_URL: "http://127.0.0.1:9",
        LSHML_EMBEDDING_PROVIDER: "ollama",
      });
      expect(report.ok).toBe(false);
      expect(report.problems).toContain(
        "Ollama is configured but unreachable at http://127.0.0.1:9",
      );
    });
  });
});
