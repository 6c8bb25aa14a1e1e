import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../src/", import.meta.url).pathname;

async function sources(area: string): Promise<{ name: string; text: string }[]> {
  const dir = join(ROOT, area);
  const names = (await readdir(dir)).filter((n) => n.endsWith(".ts"));
  return await Promise.all(
    names.map(async (name) => ({
      name: `${area}/${name}`,
      text: await readFile(join(dir, name), "utf8"),
    })),
  );
}

/** Static (value) imports and re-exports of `specifier`; `import type` / `export type` excluded. */
function importsValue(text: string, specifier: string): boolean {
  const quoted = specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const re = new RegExp(
    `^\\s*(?:import|export)(?!\\s+type\\b)[^;]*?from\\s+["']${quoted}["']`,
    "m",
  );
  return re.test(text);
}

describe("each SDK sits behind one adapter file, loaded only when configured", () => {
  it("only ollama_chat.ts imports `ollama` and only openai_chat.ts imports `openai` (agent and llm areas)", async () => {
    const files = [...await sources("llm"), ...await sources("agent")];
    const ollama = files.filter((f) => importsValue(f.text, "ollama")).map((f) => f.name);
    const openai = files.filter((f) => importsValue(f.text, "openai")).map((f) => f.name);
    expect(ollama).toEqual(["llm/ollama_chat.ts"]);
    expect(openai).toEqual(["llm/openai_chat.ts"]);
  });

  it("the adapters are reached only through `await import()`", async () => {
    const files = [...await sources("llm"), ...await sources("agent")];
    for (const adapter of ["./ollama_chat.ts", "./openai_chat.ts"]) {
      expect(files.filter((f) => importsValue(f.text, adapter)).map((f) => f.name)).toEqual([]);
      const lazy = files.filter((f) => f.text.includes(`await import("${adapter}")`));
      expect(lazy.map((f) => f.name)).toEqual(["llm/chat_clients.ts"]);
    }
  });
});
