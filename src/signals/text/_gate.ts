/** A required literal and the types (bit mask) whose patterns it stands for. */
export interface GateEntry {
  readonly text: string;
  readonly bounded: boolean;
  readonly mask: number;
}

/**
 * One scan for every literal; a hit's text names the types to check. `re` runs on
 * lower-cased text (case-sensitive alternations are faster in V8); `folded` is
 * the case-insensitive twin for the rare text whose lower-casing changes length.
 */
export interface Gate {
  readonly re: RegExp;
  readonly folded: RegExp;
  readonly masks: ReadonlyMap<string, number>;
}

/**
 * Builds the prefilter for a set of required literals: drops literals that a
 * shorter one already covers for the same types (any text containing
 * "permission" contains "permis"), then gives each literal the types of every
 * literal that could match at the same position — the scan reports only one
 * literal per position.
 */
export function buildGate(entries: readonly GateEntry[]): Gate | null {
  const kept: { text: string; bounded: boolean; mask: number }[] = [];
  const sorted = [...entries].sort((a, b) => a.text.length - b.text.length);
  for (const e of sorted) {
    const cover = kept.find((k) =>
      (e.mask & ~k.mask) === 0 &&
      (k.bounded ? e.bounded && e.text.startsWith(k.text) : e.text.includes(k.text))
    );
    if (cover === undefined) kept.push({ ...e });
  }
  if (kept.length === 0) return null;
  const masks = new Map<string, number>();
  for (const k of kept) {
    let mask = 0;
    for (const o of kept) if (mayMatchWith(k, o)) mask |= o.mask;
    masks.set(k.text, (masks.get(k.text) ?? 0) | mask);
  }
  // Longest first within each group, so a position reports its longest literal.
  const alternation = (bounded: boolean) =>
    kept.filter((k) => k.bounded === bounded).map((k) => k.text)
      .sort((a, b) => b.length - a.length).map(escape).join("|");
  const bounded = alternation(true);
  const unbounded = alternation(false);
  const parts = [bounded && `\\b(?:${bounded})`, unbounded].filter((p) => p !== "");
  const source = parts.join("|");
  return { re: new RegExp(source, "g"), folded: new RegExp(source, "gi"), masks };
}

/**
 * Whether `other` may match at a position where the scan reports `reported`.
 * The scan tries bounded literals first, each group longest first, and reports
 * the first that matches; so besides `reported` itself, only its prefixes can
 * match there, and — when `reported` is bounded — longer unbounded literals that
 * were never tried.
 */
function mayMatchWith(
  reported: { text: string; bounded: boolean },
  other: { text: string; bounded: boolean },
): boolean {
  if (reported.text.startsWith(other.text)) return reported.bounded || !other.bounded;
  return reported.bounded && !other.bounded && other.text.startsWith(reported.text);
}

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&").replace(/\n/g, "\\n");
}
