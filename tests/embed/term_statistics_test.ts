import { describe, expect, it } from "vitest";
import {
  createLocalEmbedder,
  dot,
  fitTermStatistics,
  termStatisticsFingerprint,
  termStatisticsFromJson,
  termStatisticsToJson,
} from "../../src/embed/mod.ts";

const corpus = [
  "Caroline: I went to the LGBTQ support group yesterday",
  "Melanie: Caroline, that support sounds great",
  "Caroline: thanks Melanie, the support means a lot",
  "Melanie: I painted a sunrise last week",
];

describe("fitTermStatistics()", () => {
  it("counts each feature once per text and keeps features seen in two texts or more", () => {
    const stats = fitTermStatistics([...corpus, "support support support"]);
    expect(stats.documents).toBe(5);
    const counts = [...stats.frequencies.values()];
    expect(Math.max(...counts)).toBe(4); // "support" is in four texts, repeated or not
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
  });

  it("makes frequent words count less than rare ones", async () => {
    const plain = createLocalEmbedder({ dimensions: 1024 });
    const fitted = createLocalEmbedder({ dimensions: 1024, statistics: fitTermStatistics(corpus) });
    const query = "support group LGBTQ";
    // corpus[0] matches the rare "group" and "LGBTQ"; corpus[2] only the frequent "support".
    const simTo = async (embedder: typeof plain, text: string) => {
      const [q, d] = await embedder.embed([query, text]);
      return dot(q!, d!);
    };
    const frequentOnly = corpus[2]!, rareMatch = corpus[0]!;
    expect(await simTo(fitted, rareMatch) - await simTo(fitted, frequentOnly)).toBeGreaterThan(
      await simTo(plain, rareMatch) - await simTo(plain, frequentOnly),
    );
  });

  it("still embeds any text to a unit vector, including words the fit never saw", async () => {
    const embedder = createLocalEmbedder({ statistics: fitTermStatistics(corpus) });
    for (
      const v of await embedder.embed(["数据库连接超时", "ありがとう", "🎉", "", "the", "xyzzy"])
    ) {
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
  });

  it("names a new embedding space per fit", () => {
    const stats = fitTermStatistics(corpus);
    const space = createLocalEmbedder({ statistics: stats }).space;
    expect(space).toMatch(/^local:hash-ngram:v1:512:idf-[0-9a-f]{16}$/);
    expect(createLocalEmbedder({ statistics: fitTermStatistics(corpus) }).space).toBe(space);
    const refit = fitTermStatistics([...corpus, "Melanie: the sunrise was great"]);
    expect(createLocalEmbedder({ statistics: refit }).space).not.toBe(space);
  });

  it("round-trips through JSON with the same fingerprint and vectors", () => {
    const stats = fitTermStatistics(corpus);
    const back = termStatisticsFromJson(JSON.parse(JSON.stringify(termStatisticsToJson(stats))));
    expect(termStatisticsFingerprint(back)).toBe(termStatisticsFingerprint(stats));
    const text = "support group";
    expect(createLocalEmbedder({ statistics: back }).embedOne(text)).toEqual(
      createLocalEmbedder({ statistics: stats }).embedOne(text),
    );
  });

  it("rejects JSON that is not term statistics, naming the problem", () => {
    for (
      const bad of [null, {}, { version: 2, documents: 1, frequencies: [] }, {
        version: 1,
        documents: 3,
        frequencies: [[1, -2]],
      }]
    ) {
      expect(() => termStatisticsFromJson(bad)).toThrow(TypeError);
    }
    expect(() => termStatisticsFromJson({ version: 1, documents: "x", frequencies: [] })).toThrow(
      /documents/,
    );
  });
});
