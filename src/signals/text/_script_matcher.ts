import type { Lang } from "./lang.ts";
import type { PatternSet } from "./_pattern_table.ts";
import { SIGNAL_TYPES } from "./signal_types.ts";
import { splitAlternatives } from "./_split_alternatives.ts";
import type { Gate, GateEntry } from "./_gate.ts";
import { requiredFactors } from "./_required_factors.ts";

/** One pattern, compiled sticky so it can be tried at a known position. */
export interface CompiledPattern {
  /** `<table>.<type>.<name>`, e.g. `en.timeout.timed_out`. */
  readonly id: string;
  readonly lang: Lang;
  readonly script: "latin" | "han";
  readonly sticky: RegExp;
}

/**
 * All patterns of one script, grouped by type index (the position in
 * SIGNAL_TYPES); the literals each requires; and one expression per type that
 * finds the type's first match. In that expression the alternatives that start
 * with `\b` share one hoisted `\b`, so mid-word positions cost one check instead
 * of one per pattern.
 */
export interface ScriptMatcher {
  readonly script: "latin" | "han";
  readonly byType: readonly (readonly CompiledPattern[])[];
  readonly byTypeRe: readonly (RegExp | undefined)[];
  /** Required literals of every alternative, tagged with its type's bit. */
  readonly factors: readonly GateEntry[];
  /** Types with an alternative that has no required literal: scanned everywhere. */
  readonly ungated: number;
  /** Prefilters by type mask; filled on demand. */
  readonly gates: Map<number, Gate | null>;
}

const FLAGS = "i";

/** Compiles the patterns of one script from the pattern sets. */
export function buildScriptMatcher(
  sets: readonly PatternSet[],
  script: "latin" | "han",
): ScriptMatcher {
  const byType: CompiledPattern[][] = SIGNAL_TYPES.map(() => []);
  const bounded: string[][] = SIGNAL_TYPES.map(() => []);
  const unbounded: string[][] = SIGNAL_TYPES.map(() => []);
  const factors: GateEntry[] = [];
  let ungated = 0;
  for (const set of sets) {
    if (set.script !== script) continue;
    SIGNAL_TYPES.forEach((type, t) => {
      for (const [name, source] of set.patterns[type] ?? []) {
        const alternatives = typeof source === "string" ? splitAlternatives(source) : source;
        const id = `${set.table}.${type}.${name}`;
        const joined = alternatives.join("|");
        byType[t]?.push({ id, lang: set.lang, script, sticky: compileChecked(id, joined) });
        for (const alt of alternatives) {
          if (alt.startsWith("\\b")) bounded[t]?.push(alt.slice(2));
          else unbounded[t]?.push(alt);
          const required = requiredFactors(alt);
          if (required === undefined) ungated |= 1 << t;
          for (const f of required ?? []) factors.push({ ...f, mask: 1 << t });
        }
      }
    });
  }
  return {
    script,
    byType,
    byTypeRe: SIGNAL_TYPES.map((_, t) => typeExpression(bounded[t] ?? [], unbounded[t] ?? [])),
    factors,
    ungated,
    gates: new Map(),
  };
}

function typeExpression(bounded: string[], unbounded: string[]): RegExp | undefined {
  const parts = bounded.length > 0 ? [`\\b(?:${bounded.join("|")})`, ...unbounded] : unbounded;
  return parts.length > 0 ? new RegExp(parts.join("|"), `${FLAGS}g`) : undefined;
}

function compileChecked(id: string, source: string): RegExp {
  // Nothing reads groups, and capturing costs time on every match.
  if (hasCaptureGroup(source)) {
    throw new SyntaxError(`signal pattern ${id} has a capture group; use (?:…): ${source}`);
  }
  try {
    return new RegExp(`(?:${source})`, `${FLAGS}y`);
  } catch (cause) {
    throw new SyntaxError(`signal pattern ${id} does not compile: ${source}`, { cause });
  }
}

/** Whether a RegExp source has a capturing group (a `(` not followed by `?`). */
export function hasCaptureGroup(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(" && source[i + 1] !== "?") return true;
  }
  return false;
}
