import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/gep/mod.ts";

describe("canonicalJson()", () => {
  it("sorts object keys at every depth and writes no whitespace", () => {
    const value = { b: 1, a: { d: [3, { z: true, y: null }], c: "x" } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it("orders keys by UTF-16 code units, not by locale", () => {
    // "Z" (0x5A) < "a" (0x61) < "é" (0xE9) < "😀" (0xD83D…) < "ｚ" (0xFF5A)
    const value = { "ｚ": 5, "😀": 4, "é": 3, a: 2, Z: 1 };
    expect(canonicalJson(value)).toBe('{"Z":1,"a":2,"é":3,"😀":4,"ｚ":5}');
  });

  it("gives the same text for the same data built in a different order", () => {
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
  });

  it("is unchanged by a JSON write/read round trip", () => {
    const value = { s: 'línea\n\t"quoted" \u0000 \ud800', n: [0.1, 1e21, -5, 2 ** 53], o: {} };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
  });

  it("normalises -0 to 0, as JSON itself does", () => {
    expect(canonicalJson({ score: -0 })).toBe('{"score":0}');
    expect(canonicalJson(JSON.parse(JSON.stringify({ score: -0 })))).toBe('{"score":0}');
  });

  const rejected: [string, unknown, string][] = [
    ["undefined as a value", { a: { b: undefined } }, "$.a.b"],
    ["undefined in an array", { list: [1, undefined] }, "$.list[1]"],
    [
      "NaN",
      { selector: { alternatives: [{}, {}, { score: NaN }] } },
      "$.selector.alternatives[2].score",
    ],
    ["Infinity", { x: Infinity }, "$.x"],
    ["-Infinity", [-Infinity], "$[0]"],
    ["a function", { f: () => 1 }, "$.f"],
    ["a symbol value", { s: Symbol("x") }, "$.s"],
    ["a bigint", { big: 10n }, "$.big"],
    ["a Date", { when: new Date(0) }, "$.when"],
    ["a Map", { m: new Map() }, "$.m"],
    ["a Set", { s: new Set([1]) }, "$.s"],
    ["a class instance", { c: new (class Point {})() }, "$.c"],
    ["a boxed string", { b: new String("x") }, "$.b"],
    ["a sparse array", { holes: [1, , 3] }, "$.holes[1]"],
    ["undefined at the top", undefined, "$"],
    ["a key that is not an identifier", { "a b": [NaN] }, '$["a b"][0]'],
  ];
  for (const [what, value, path] of rejected) {
    it(`rejects ${what} with its path (${path})`, () => {
      expect(() => canonicalJson(value)).toThrow(TypeError);
      expect(() => canonicalJson(value)).toThrow(`at ${path} `);
    });
  }

  it("rejects symbol keys (non-string keys)", () => {
    expect(() => canonicalJson({ [Symbol("k")]: 1 })).toThrow(/symbol key/);
  });

  it("rejects an array with extra properties and a non-enumerable property", () => {
    const tagged = Object.assign([1, 2], { note: "dropped by JSON" });
    expect(() => canonicalJson({ tagged })).toThrow(/extra properties at \$\.tagged /);
    const hidden = Object.defineProperty({}, "secret", { value: 1, enumerable: false });
    expect(() => canonicalJson({ hidden })).toThrow(/\$\.hidden\.secret/);
  });

  it("rejects circular references instead of overflowing", () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular reference at \$\.self/);
  });

  it("accepts the same value twice when it is shared, not circular", () => {
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
  });

  it("accepts objects without a prototype", () => {
    const bare = Object.assign(Object.create(null), { b: 2, a: 1 });
    expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
  });
});
