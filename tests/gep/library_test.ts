import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  argvProblem,
  builtinGenes,
  GeneSchema,
  matchGene,
  verifyAssetId,
} from "../../src/gep/mod.ts";
import { SIGNAL_TYPES } from "../../src/signals/mod.ts";
import { formatLibrary, LIBRARY_PATH, rebuildLibrary } from "../../src/gep/_build_library.ts";

/** Every signal type of DESIGN §6.1 that calls for a strategy (praise needs none). */
const COVERED = [
  "timeout",
  "permission_denied",
  "missing_resource",
  "network_failure",
  "integration_key_missing",
  "parse_error",
  "unsupported_input_type",
  "tool_error",
  "llm_error",
  "log_error",
  "recurring_error",
  "repeated_tool_loop",
  "perf_bottleneck",
  "capability_gap",
  "user_correction",
  "user_feature_request",
  "user_improvement_suggestion",
  "evolution_stagnation",
];

/** The common failures get at least two alternative strategies. */
const COMMON = [
  "missing_resource",
  "timeout",
  "network_failure",
  "llm_error",
  "permission_denied",
  "integration_key_missing",
  "parse_error",
  "tool_error",
];

const CATEGORY_BY_SIGNAL: Record<string, string> = {
  perf_bottleneck: "optimize",
  recurring_error: "optimize",
  user_feature_request: "innovate",
  capability_gap: "innovate",
  evolution_stagnation: "innovate",
};

const REQUIRED_FORBIDDEN = [".git/**", "**/.env", "**/*.pem", "**/id_rsa*", "node_modules/**"];

const text = readFileSync(LIBRARY_PATH, "utf8");
const genes = builtinGenes();

describe("the built-in gene library", () => {
  it("every gene id is fresh: regenerating the library changes nothing", () => {
    const rebuilt = formatLibrary(rebuildLibrary(JSON.parse(text)));
    expect(rebuilt).toBe(text);
  });

  it("every gene matches the schema and its asset_id verifies", () => {
    expect(genes.length).toBeGreaterThanOrEqual(COVERED.length);
    for (const gene of genes) {
      expect(GeneSchema.safeParse(gene).success, gene.id).toBe(true);
      expect(verifyAssetId(gene), gene.id).toBe(true);
    }
  });

  it("ids are unique", () => {
    const ids = genes.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const type of COVERED) {
    const min = COMMON.includes(type) ? 2 : 1;
    it(`has ${min}+ gene(s) for ${type}`, () => {
      const matching = genes.filter((g) => matchGene(g, { signals: [type] }).types.length > 0);
      expect(matching.length).toBeGreaterThanOrEqual(min);
    });
  }

  it("names only real signal types or keywords, and every gene names at least one type", () => {
    for (const gene of genes) {
      const types = gene.signals_match.filter((s) =>
        (SIGNAL_TYPES as readonly string[]).includes(s)
      );
      expect(types.length, gene.id).toBeGreaterThan(0);
    }
  });

  it("uses repair for errors, optimize for perf/recurring, innovate for requests/gaps/stagnation", () => {
    for (const [signal, category] of Object.entries(CATEGORY_BY_SIGNAL)) {
      const primary = genes.filter((g) => g.signals_match[0] === signal);
      expect(primary.length, signal).toBeGreaterThan(0);
      for (const gene of primary) expect(gene.category, gene.id).toBe(category);
    }
    for (const signal of ["timeout", "missing_resource", "network_failure", "llm_error"]) {
      for (const gene of genes.filter((g) => g.signals_match[0] === signal)) {
        expect(gene.category, gene.id).toBe("repair");
      }
    }
  });

  it("validation entries are safe argv arrays, not shell strings", () => {
    for (const gene of genes) {
      expect(gene.validation.length, gene.id).toBeGreaterThan(0);
      for (const argv of gene.validation) {
        expect(Array.isArray(argv)).toBe(true);
        expect(argvProblem(argv), `${gene.id}: ${JSON.stringify(argv)}`).toBeUndefined();
      }
    }
  });

  it("constraints are small for repairs and always protect secrets and VCS data", () => {
    for (const gene of genes) {
      for (const glob of REQUIRED_FORBIDDEN) {
        expect(gene.constraints.forbidden_paths, gene.id).toContain(glob);
      }
      if (gene.category === "repair") {
        expect(gene.constraints.max_files, gene.id).toBeLessThanOrEqual(5);
        expect(gene.constraints.max_lines, gene.id).toBeLessThanOrEqual(150);
      }
    }
  });

  it("strategies are concrete: several steps, none of them a generic 'fix the error'", () => {
    for (const gene of genes) {
      expect(gene.strategy.length, gene.id).toBeGreaterThanOrEqual(4);
      for (const step of gene.strategy) {
        expect(step, gene.id).not.toMatch(/^(fix|resolve|handle) the (error|issue|problem)\.?$/i);
        expect(step.length, gene.id).toBeGreaterThan(30);
      }
    }
  });

  it("the permission gene forbids sudo and the key gene forbids revealing the key", () => {
    const strategy = (id: string) => genes.find((g) => g.id === id)?.strategy.join("\n") ?? "";
    expect(strategy("gene_permission_denied_stay_in_workspace")).toMatch(/Never use sudo/);
    expect(strategy("gene_integration_key_missing_check_env_then_ask")).toMatch(
      /never print, log or echo a key's value/,
    );
  });
});
