import { describe, expect, it } from "vitest";
import { createLocalEmbedder, dot, type Embedder } from "../../src/embed/mod.ts";

const norm = (v: Float32Array) => Math.sqrt(dot(v, v));

async function similarities(embedder: Embedder, anchor: string, others: string[]) {
  const [a, ...rest] = await embedder.embed([anchor, ...others]);
  return rest.map((v) => dot(a!, v));
}

describe("createLocalEmbedder()", () => {
  const embedder = createLocalEmbedder({ dimensions: 512 });

  it("returns one vector of `dims` floats per text, in input order", async () => {
    const vectors = await embedder.embed(["first text", "second text", "first text"]);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) expect(v).toBeInstanceOf(Float32Array);
    for (const v of vectors) expect(v.length).toBe(512);
    expect(vectors[0]).toEqual(vectors[2]);
    expect(vectors[0]).not.toEqual(vectors[1]);
    expect(await embedder.embed([])).toEqual([]);
  });

  it("is deterministic across calls and instances", async () => {
    const text = "Error: ENOENT, no such file or directory '/tmp/x.json'";
    const [a] = await embedder.embed([text]);
    const [b] = await createLocalEmbedder({ dimensions: 512 }).embed([text]);
    expect(a).toEqual(b);
    expect(embedder.embedOne(text)).toEqual(a);
  });

  it("keeps its space: pinned components of the default space never drift", () => {
    // If this fails, vectors changed: bump the space version (v1 → v2) and re-pin.
    const v = createLocalEmbedder().embedOne("The build failed: cannot find module lodash");
    expect(createLocalEmbedder().space).toBe("local:hash-ngram:v1:512");
    const nonZero = [...v.keys()].filter((i) => v[i] !== 0).slice(0, 4);
    expect(nonZero.map((i) => [i, Number(v[i]!.toFixed(4))])).toEqual(PINNED);
  });

  it("returns unit vectors", async () => {
    const texts = ["short", "a much longer sentence about failing tests in CI", "数据库连接超时"];
    for (const v of await embedder.embed(texts)) expect(norm(v)).toBeCloseTo(1, 5);
  });

  it("never returns a zero vector: CJK, emoji, punctuation, stopwords, empty", async () => {
    const texts = [
      "数据库连接超时",
      "資料庫連線逾時",
      "データベースの接続がタイムアウトしました",
      "ありがとう",
      "🎉🎉👍🏽",
      "👨‍👩‍👧",
      "猫",
      "は",
      "a",
      "the",
      "I am",
      "!!!",
      "？",
      "",
      " \n\t",
      "\u200b",
    ];
    const vectors = await embedder.embed(texts);
    vectors.forEach((v, i) => {
      expect(norm(v), JSON.stringify(texts[i])).toBeCloseTo(1, 5);
    });
  });

  it("ranks a paraphrase above an unrelated sentence, in each language", async () => {
    const cases: [string, string, string][] = [
      [
        "The build failed because the lodash module was not found",
        "Build failing: cannot find module lodash",
        "Let's go for a walk in the park, the weather is lovely",
      ],
      [
        "构建失败：找不到模块 lodash",
        "构建时报错，找不到 lodash 模块",
        "今天天气很好，我们去公园散步吧",
      ],
      [
        "構建失敗：找不到模組 lodash",
        "構建時報錯，找不到 lodash 模組",
        "今天天氣很好，我們去公園散步吧",
      ],
      [
        "ファイルが見つかりません: config.json",
        "config.json というファイルが見つからないエラー",
        "今日は良い天気なので散歩に行きましょう",
      ],
    ];
    for (const [anchor, paraphrase, unrelated] of cases) {
      const [close, far] = await similarities(embedder, anchor, [paraphrase, unrelated]);
      expect(close, anchor).toBeGreaterThan(far! + 0.3);
    }
  });

  it("matches Traditional and Simplified Chinese spellings of the same words", async () => {
    const [same, other] = await similarities(embedder, "构建失败：找不到模块", [
      "構建失敗：找不到模組",
      "今日は良い天気",
    ]);
    expect(same).toBeGreaterThan(0.7);
    expect(same).toBeGreaterThan(other! + 0.5);
  });

  it("folds English inflections and irregular forms onto one feature", async () => {
    const [painted, went] = await similarities(embedder, "she paints landscapes", [
      "she painted a landscape",
      "she went painting",
    ]);
    expect(painted).toBeGreaterThan(0.9);
    expect(went).toBeGreaterThan(0.3);
  });

  it("names its space after the dimension count", () => {
    expect(createLocalEmbedder({ dimensions: 256 }).space).toBe("local:hash-ngram:v1:256");
    expect(createLocalEmbedder({ dimensions: 256 }).space).not.toBe(embedder.space);
    expect(createLocalEmbedder({ dimensions: 256 }).dims).toBe(256);
  });

  it("rejects a dimension count outside [16, 4096] or not an integer", () => {
    for (const dimensions of [0, 15, 4097, 12.5, Number.NaN]) {
      expect(() => createLocalEmbedder({ dimensions })).toThrow(RangeError);
    }
    expect(() => createLocalEmbedder({ dimensions: 15 })).toThrow(/got 15/);
  });

  it("rejects a non-string text with a TypeError", async () => {
    const texts = [42] as unknown as string[];
    await expect(embedder.embed(texts)).rejects.toThrow(TypeError);
  });
});

/** First non-zero components of that text in `local:hash-ngram:v1:512`, pinned at v1. */
const PINNED: [number, number][] = [[2, -0.119], [13, 0.1376], [15, 0.1376], [26, -0.1488]];
