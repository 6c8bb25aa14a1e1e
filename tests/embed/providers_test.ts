import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, resolveConfig } from "../../src/config/mod.ts";
import { createEmbedder, createOllamaEmbedder, createOpenAIEmbedder } from "../../src/embed/mod.ts";

/** A real HTTP server on loopback speaking Ollama's and OpenAI's embedding APIs. */
function fakeVector(text: string, dims: number): number[] {
  const v = Array.from(
    { length: dims },
    (_, i) => ((text.charCodeAt(i % text.length) || 1) * (i + 1)) % 13 + 1,
  );
  return v;
}

describe("embedding providers against local servers speaking their APIs", () => {
  let server: Deno.HttpServer<Deno.NetAddr> | undefined;
  let base = "";
  const requests: { path: string; body: Record<string, unknown>; auth: string | null }[] = [];

  beforeAll(() => {
    server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen: () => undefined },
      async (req) => {
        const path = new URL(req.url).pathname;
        const body = await req.json() as Record<string, unknown>;
        requests.push({ path, body, auth: req.headers.get("authorization") });
        const input = (Array.isArray(body.input) ? body.input : [body.input]) as string[];
        if (path === "/api/embed") {
          if (body.model !== "nomic-embed-text") {
            return Response.json(
              { error: `model "${body.model}" not found, try pulling it first` },
              {
                status: 404,
              },
            );
          }
          return Response.json({
            model: body.model,
            embeddings: input.map((t) => fakeVector(t, 768)),
          });
        }
        if (path === "/v1/embeddings") {
          const dims = typeof body.dimensions === "number" ? body.dimensions : 1536;
          return Response.json({
            object: "list",
            model: body.model,
            data: input.map((t, index) => ({
              object: "embedding",
              index,
              embedding: fakeVector(t, dims),
            })),
            usage: { prompt_tokens: 1, total_tokens: 1 },
          });
        }
        return new Response("not found", { status: 404 });
      },
    );
    base = `http://127.0.0.1:${server.addr.port}`;
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  it("Ollama: learns the dimension, batches, and returns unit vectors in order", async () => {
    const embedder = await createOllamaEmbedder({ url: base, model: "nomic-embed-text" });
    expect(embedder.space).toBe("ollama:nomic-embed-text:768");
    const texts = Array.from({ length: 70 }, (_, i) => `error ${i}`);
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(70);
    for (const v of vectors) expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    expect(Array.from(vectors[3] as Float32Array)).not.toEqual(
      Array.from(vectors[4] as Float32Array),
    );
    const calls = requests.filter((r) => r.path === "/api/embed");
    expect(calls.at(-2)?.body.input).toHaveLength(64);
  });

  it("OpenAI: sends the key, asks text-embedding-3 for the configured size", async () => {
    const embedder = await createOpenAIEmbedder({
      apiKey: "sk-test-local",
      baseUrl: `${base}/v1`,
      dimensions: 256,
    });
    expect(embedder.space).toBe("openai:text-embedding-3-small:256");
    const [v] = await embedder.embed(["timeout after 30000ms"]);
    expect(v).toHaveLength(256);
    const last = requests.at(-1);
    expect(last).toMatchObject({ path: "/v1/embeddings", auth: "Bearer sk-test-local" });
    expect(last?.body).toMatchObject({ model: "text-embedding-3-small", dimensions: 256 });
  });

  it("falls back to the local embedder with one warning when Ollama cannot embed", async () => {
    const warnings: string[] = [];
    const config = resolveConfig({
      env: {
        LSHML_EMBEDDING_PROVIDER: "ollama",
        OLLAMA_URL: base,
        OLLAMA_EMBED_MODEL: "llama3.2:3b",
      },
    }).config;
    const embedder = await createEmbedder(config, { warn: (w) => warnings.push(w) });
    expect(embedder.space).toBe("local:hash-ngram:v1:512");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("ollama pull llama3.2:3b");
    const unreachable = resolveConfig({
      env: { LSHML_EMBEDDING_PROVIDER: "ollama", OLLAMA_URL: "http://127.0.0.1:9" },
    }).config;
    const fallback = await createEmbedder(unreachable, { warn: (w) => warnings.push(w) });
    expect(fallback.space).toBe("local:hash-ngram:v1:512");
    expect(warnings).toHaveLength(2);
  });

  it("uses Ollama when it answers", async () => {
    const config = resolveConfig({
      env: {
        LSHML_EMBEDDING_PROVIDER: "ollama",
        OLLAMA_URL: base,
        OLLAMA_EMBED_MODEL: "nomic-embed-text",
      },
    }).config;
    const embedder = await createEmbedder(config, { warn: () => undefined });
    expect(embedder.space).toBe("ollama:nomic-embed-text:768");
  });

  it("refuses OpenAI without an API key, naming what to set", async () => {
    const config = resolveConfig({ env: { LSHML_EMBEDDING_PROVIDER: "openai" } }).config;
    const error = await createEmbedder(config, { warn: () => undefined }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("OPENAI_API_KEY");
  });
});
