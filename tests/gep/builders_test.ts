import { describe, expect, it } from "vitest";
import {
  boundDiff,
  envFingerprint,
  EnvFingerprintSchema,
  type EventFields,
  makeCapsule,
  makeEvent,
  makeGene,
  MAX_DIFF_BYTES,
  verifyAssetId,
} from "../../src/gep/mod.ts";
import { capsuleFields, eventFields, geneFields } from "./_fixtures.ts";

describe("makeGene()", () => {
  it("fills type and schema_version, orders fields, and sets a verifying id", () => {
    const gene = makeGene(geneFields());
    expect(gene.type).toBe("Gene");
    expect(gene.schema_version).toBe(1);
    expect(Object.keys(gene)[0]).toBe("type");
    expect(Object.keys(gene).at(-1)).toBe("asset_id");
    expect(verifyAssetId(gene)).toBe(true);
  });

  it("recomputes a stale asset_id passed in", () => {
    const stale = { ...geneFields(), asset_id: `sha256:${"0".repeat(64)}` };
    expect(verifyAssetId(makeGene(stale))).toBe(true);
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ["an unknown category", { category: "fix" }, /\$\.category/],
    [
      "a negative max_files",
      { constraints: { max_files: -1, max_lines: 1, forbidden_paths: [] } },
      /\$\.constraints\.max_files/,
    ],
    ["a fractional max_lines", {
      constraints: { max_files: 1, max_lines: 1.5, forbidden_paths: [] },
    }, /\$\.constraints\.max_lines/],
    ["an uppercase signals_match entry", { signals_match: ["Timeout"] }, /\$\.signals_match\[0\]/],
    ["empty signals_match", { signals_match: [] }, /\$\.signals_match/],
    ["an empty strategy", { strategy: [] }, /\$\.strategy/],
    [
      "a shell string as validation",
      { validation: [["npm test && rm -rf /"]] },
      /\$\.validation\[0\]/,
    ],
    ["a program with spaces", { validation: [["npm test"]] }, /whitespace/],
    ["sh -c", { validation: [["sh", "-c", "npm test"]] }, /command-string/],
    ["an id with a space", { id: "gene one" }, /\$\.id/],
    ["an extra field", { hostname: "box" }, /hostname/],
    ["undefined in preconditions", { preconditions: [undefined] }, /\$\.preconditions\[0\]/],
    ["a wrong type literal", { type: "Capsule" }, /\$\.type/],
  ];
  for (const [what, override, message] of bad) {
    it(`rejects ${what}`, () => {
      const fields = { ...geneFields(), ...override } as ReturnType<typeof geneFields>;
      expect(() => makeGene(fields)).toThrow(TypeError);
      expect(() => makeGene(fields)).toThrow(message);
    });
  }
});

describe("makeCapsule()", () => {
  it("builds a capsule whose id verifies", () => {
    const capsule = makeCapsule(capsuleFields());
    expect(capsule.type).toBe("Capsule");
    expect(verifyAssetId(capsule)).toBe(true);
  });

  it("truncates a diff over 64 KiB with a marker, never inside a character", () => {
    const diff = `+${"修".repeat(40_000)}\n`.repeat(2); // ~240 kB of 3-byte characters
    const capsule = makeCapsule(capsuleFields({ diff }));
    const bytes = new TextEncoder().encode(capsule.diff).length;
    expect(bytes).toBeLessThanOrEqual(MAX_DIFF_BYTES);
    expect(capsule.diff).toMatch(/\[lshml: diff truncated, kept \d+ of \d+ bytes\]\n$/);
    expect(capsule.diff).not.toContain("\uFFFD");
    expect(verifyAssetId(JSON.parse(JSON.stringify(capsule)))).toBe(true);
  });

  it("keeps a diff that fits unchanged", () => {
    expect(boundDiff("small\n")).toBe("small\n");
  });

  it("rejects identifying fields in the env fingerprint, and paths as values", () => {
    const env = { platform: "linux", arch: "x64", runtime: "deno", runtime_version: "2.9.6" };
    expect(() =>
      makeCapsule(capsuleFields({ env_fingerprint: { ...env, hostname: "box" } as typeof env }))
    ).toThrow(/hostname/);
    expect(() =>
      makeCapsule(capsuleFields({ env_fingerprint: { ...env, runtime: "/home/me/deno" } }))
    )
      .toThrow(/\$\.env_fingerprint\.runtime/);
  });

  it("rejects a confidence outside 0..1, a non-success outcome and a bad date", () => {
    expect(() => makeCapsule(capsuleFields({ confidence: 1.5 }))).toThrow(/\$\.confidence/);
    const failed = { status: "failed", score: 0 } as unknown as {
      status: "success";
      score: number;
    };
    expect(() => makeCapsule(capsuleFields({ outcome: failed }))).toThrow(/\$\.outcome\.status/);
    expect(() => makeCapsule(capsuleFields({ created_at: "yesterday" }))).toThrow(/created_at/);
  });
});

describe("makeEvent()", () => {
  it("builds an event whose id verifies and whose inputs are recorded", () => {
    const event = makeEvent(eventFields(1, null));
    expect(event.type).toBe("EvolutionEvent");
    expect(event.selector.inputs).toEqual({
      cluster: "c05fp9c1pvvq",
      counts: [1, 2],
      ratios: { repair: 0.2 },
    });
    expect(verifyAssetId(event)).toBe(true);
  });

  it("rejects selector inputs that are not canonical JSON, naming the path", () => {
    const fields = eventFields(1, null);
    const withNaN: EventFields = {
      ...fields,
      selector: { ...fields.selector, inputs: { weights: [0.5, NaN] } },
    };
    expect(() => makeEvent(withNaN)).toThrow(/\$\.selector\.inputs\.weights\[1\]/);
    const withDate: EventFields = {
      ...fields,
      selector: { ...fields.selector, inputs: { at: new Date() } },
    };
    expect(() => makeEvent(withDate)).toThrow(/\$\.selector\.inputs\.at/);
  });

  it("requires selector.inputs to be present", () => {
    const fields = eventFields(1, null);
    const { inputs: _dropped, ...selector } = fields.selector;
    const missing = { ...fields, selector } as unknown as EventFields;
    expect(() => makeEvent(missing)).toThrow(/\$\.selector\.inputs/);
  });

  it("rejects a parent that is not an asset id, and an unknown status", () => {
    expect(() => makeEvent(eventFields(2, "evt_000001"))).toThrow(/\$\.parent/);
    const fields = eventFields(1, null);
    const outcome = { status: "done", score: 1 } as unknown as EventFields["outcome"];
    expect(() => makeEvent({ ...fields, outcome })).toThrow(/\$\.outcome\.status/);
  });

  it("accepts optional outcome reasons and validation runs with exit codes", () => {
    const fields = eventFields(1, null);
    const event = makeEvent({
      ...fields,
      outcome: { status: "rolled_back", score: 0, reasons: ["validation failed"] },
      validation: [{ cmd: ["git", "diff", "--check"], ok: false, code: 2 }],
    });
    expect(verifyAssetId(event)).toBe(true);
  });
});

describe("envFingerprint()", () => {
  it("describes the runtime coarsely and passes the capsule's strict schema", () => {
    const env = envFingerprint();
    expect(Object.keys(env).sort()).toEqual(["arch", "platform", "runtime", "runtime_version"]);
    expect(env.runtime).toBe("deno");
    expect(EnvFingerprintSchema.safeParse(env).success).toBe(true);
    expect(verifyAssetId(makeCapsule(capsuleFields({ env_fingerprint: env })))).toBe(true);
  });
});
