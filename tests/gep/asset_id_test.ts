import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  assetId,
  canonicalJson,
  CapsulesFile,
  makeCapsule,
  makeEvent,
  makeGene,
  verifyAssetId,
  withAssetId,
} from "../../src/gep/mod.ts";
import { readVersioned, writeVersioned } from "../../src/store/mod.ts";
import { capsuleFields, eventFields, geneFields, tempHome } from "./_fixtures.ts";

describe("assetId()", () => {
  it("is sha256 over the canonical JSON of the asset without its asset_id", () => {
    const asset = { type: "Gene", id: "g1", list: [2, 1] };
    const expected = createHash("sha256").update('{"id":"g1","list":[2,1],"type":"Gene"}')
      .digest("hex");
    expect(assetId(asset)).toBe(`sha256:${expected}`);
    expect(assetId({ ...asset, asset_id: "sha256:whatever" })).toBe(`sha256:${expected}`);
  });

  it("ignores key order but not content", () => {
    expect(assetId({ a: 1, b: 2 })).toBe(assetId({ b: 2, a: 1 }));
    expect(assetId({ a: 1, b: 2 })).not.toBe(assetId({ a: 1, b: 3 }));
  });

  it("hashes the UTF-8 bytes, so non-ASCII text is stable", () => {
    const asset = { title: "找不到文件 — ファイル" };
    const expected = createHash("sha256").update(new TextEncoder().encode(canonicalJson(asset)))
      .digest("hex");
    expect(assetId(asset)).toBe(`sha256:${expected}`);
  });

  it("rejects what is not a plain object", () => {
    expect(() => assetId([] as unknown as Record<string, unknown>)).toThrow(TypeError);
  });
});

describe("withAssetId() and verifyAssetId()", () => {
  it("sets an id that verifies, and fails after any change", () => {
    const asset = withAssetId({ type: "Note", text: "hello", n: [1, 2] });
    expect(verifyAssetId(asset)).toBe(true);
    expect(verifyAssetId({ ...asset, text: "hellO" })).toBe(false);
    expect(verifyAssetId({ ...asset, extra: 1 })).toBe(false);
    expect(verifyAssetId({ ...asset, asset_id: undefined })).toBe(false);
  });

  it("returns what a reload would give: -0 is already 0", () => {
    const asset = withAssetId({ score: -0 });
    expect(Object.is(asset.score, 0)).toBe(true);
    expect(verifyAssetId(JSON.parse(JSON.stringify(asset)))).toBe(true);
  });

  it("rejects non-canonical content at creation, naming the path", () => {
    expect(() => withAssetId({ outcome: { score: NaN } })).toThrow(/\$\.outcome\.score/);
  });

  it("never throws while verifying: garbage verifies as false", () => {
    expect(verifyAssetId(null)).toBe(false);
    expect(verifyAssetId("sha256:00")).toBe(false);
    expect(verifyAssetId({ asset_id: 42 })).toBe(false);
    expect(verifyAssetId({ asset_id: `sha256:${"0".repeat(64)}`, bad: NaN })).toBe(false);
  });
});

describe("asset ids survive reloads", () => {
  const assets = () => [
    makeGene(geneFields()),
    makeCapsule(capsuleFields()),
    makeEvent(eventFields(1, null)),
  ];

  it("verify after JSON.stringify/JSON.parse, compact and pretty", () => {
    for (const asset of assets()) {
      expect(verifyAssetId(JSON.parse(JSON.stringify(asset)))).toBe(true);
      expect(verifyAssetId(JSON.parse(JSON.stringify(asset, null, 2)))).toBe(true);
    }
  });

  it("verify after an atomic write and a read through the store", async () => {
    const path = join(tempHome(), "assets/gep/capsules.json");
    const capsules = [
      makeCapsule(capsuleFields()),
      makeCapsule(capsuleFields({ id: "cap_2", confidence: 0.1, summary: "Ünïcödé ✓ 修复" })),
    ];
    await writeVersioned(path, CapsulesFile, { version: 1, capsules });
    const { value } = await readVersioned(path, CapsulesFile);
    expect(value.capsules).toEqual(capsules);
    expect(value.capsules.every(verifyAssetId)).toBe(true);
  });
});
