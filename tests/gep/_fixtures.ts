import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  appendEvent,
  type CapsuleFields,
  type EventFields,
  type EvolutionEvent,
  type GeneFields,
  gepPaths,
  makeEvent,
} from "../../src/gep/mod.ts";

/** A fresh, empty home directory. */
export function tempHome(): string {
  return Deno.makeTempDirSync({ prefix: "lshml-gep-" });
}

/** A valid gene's fields. */
export function geneFields(overrides: Partial<GeneFields> = {}): GeneFields {
  return {
    id: "gene_test_verify_path",
    category: "repair",
    title: "Verify the path",
    signals_match: ["missing_resource", "enoent"],
    preconditions: ["The error names a path."],
    strategy: ["List the parent directory.", "Use the real name."],
    constraints: { max_files: 2, max_lines: 40, forbidden_paths: [".git/**", "**/.env"] },
    validation: [["git", "diff", "--check"]],
    ...overrides,
  };
}

/** A valid capsule's fields. */
export function capsuleFields(overrides: Partial<CapsuleFields> = {}): CapsuleFields {
  return {
    id: "cap_000001",
    trigger: { cluster_id: "c05fp9c1pvvq", signals: ["missing_resource"] },
    gene: "gene_missing_resource_verify_path",
    summary: "Read the config from its real path.",
    confidence: 0.8,
    blast_radius: { files: 1, lines: 4 },
    outcome: { status: "success", score: 0.9 },
    success_streak: 3,
    env_fingerprint: { platform: "linux", arch: "x64", runtime: "deno", runtime_version: "2.9.6" },
    diff: "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n",
    created_at: "2026-11-21T10:50:01.000Z",
    ...overrides,
  };
}

/** Fields of the n-th event (1-based) of a test chain. */
export function eventFields(n: number, parent: string | null): EventFields {
  return {
    id: `evt_${String(n).padStart(6, "0")}`,
    parent,
    cycle: n,
    created_at: new Date(Date.UTC(2026, 10, 21, 10, n)).toISOString(),
    intent: "repair",
    mode: "advise",
    cluster_id: "c05fp9c1pvvq",
    signals: ["missing_resource"],
    genes_used: ["gene_missing_resource_verify_path"],
    selector: {
      selected: "gene_missing_resource_verify_path",
      reasons: [`cycle ${n}: signals_match missing_resource`],
      alternatives: [{ gene: "gene_missing_resource_create_from_template", score: 0.25 }],
      seed: 1000 + n,
      inputs: { cluster: "c05fp9c1pvvq", counts: [n, 2 * n], ratios: { repair: 0.2 } },
    },
    blast_radius: { files: 0, lines: 0 },
    outcome: { status: "advised", score: 0.5 },
    capsule_id: null,
    validation: [],
  };
}

/** Appends a chain of `count` events to the home's log and returns them. */
export async function writeChain(home: string, count: number): Promise<EvolutionEvent[]> {
  const events: EvolutionEvent[] = [];
  for (let n = 1; n <= count; n++) {
    const event = makeEvent(eventFields(n, events.at(-1)?.asset_id ?? null));
    await appendEvent(home, event);
    events.push(event);
  }
  return events;
}

/** The lines of a home's events.jsonl. */
export function eventLines(home: string): string[] {
  return Deno.readTextFileSync(gepPaths(home).events).split("\n").filter((l) => l !== "");
}

/** Replaces a home's events.jsonl with these lines. */
export function writeEventLines(home: string, lines: readonly string[]): void {
  writeFileSync(gepPaths(home).events, lines.map((l) => `${l}\n`).join(""));
}

/** Writes a JSON file into the home's assets/gep folder. */
export function writeGepJson(home: string, name: string, value: unknown): string {
  const path = join(home, "assets/gep", name);
  Deno.mkdirSync(join(home, "assets/gep"), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  return path;
}
