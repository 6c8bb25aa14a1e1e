import { best, BOUNDARY, cutLiteral, MAX_WEIGHT, weight } from "./_key_words.ts";

// Required-literal analysis of a RegExp source, the prefilter idea of RE2 and
// Hyperscan: for an expression, find a small set of literal strings such that
// every match contains at least one of them. Scanning text for those literals is
// far cheaper than running the expression everywhere, and loses nothing. Handles
// the syntax our patterns use (groups, classes, escapes, quantifiers,
// look-arounds, modifiers); anything else is treated as "any text", which can
// only make the answer less selective, never unsound.

/** A literal every match contains, and whether a word boundary precedes it. */
export interface Factor {
  readonly text: string;
  readonly bounded: boolean;
}

interface Info {
  /** All strings the node can match (cut at MAX_WEIGHT), when few and known; "\0" marks a `\b`. */
  readonly exact: readonly string[] | undefined;
  /** Strings one of which every match starts with ("" when nothing is known). */
  readonly prefix: readonly string[];
  /** Keys one of which every match contains, when known (chosen by `best`). */
  readonly factors: readonly string[] | undefined;
  /** Whether a word character right after the node starts a word (is at a `\b`). */
  readonly boundaryAfter: boolean;
}

// Sets of alternatives beyond this size are not followed (too costly, too broad).
const MAX_EXACT = 96;
// JavaScript's `\b` (without the u flag) knows only ASCII word characters.
const ASCII_WORD = /\w/;

/**
 * The required literals of a pattern (lower-cased keys of at most ten letters),
 * or undefined when no useful set exists — the pattern must then run everywhere.
 *
 * @example
 * ```ts
 * requiredFactors(String.raw`\bpermissions? denied\b`); // [{ text: "denied", bounded: true }]
 * ```
 */
export function requiredFactors(source: string): Factor[] | undefined {
  const info = new Parser(source).alternation(false);
  const set = best([info.exact, info.factors]);
  if (set === undefined) return undefined;
  const factors = new Map<string, Factor>();
  for (const s of set) {
    const text = s.replaceAll(BOUNDARY, "");
    const bounded = s.startsWith(BOUNDARY);
    factors.set(`${bounded}|${text}`, { text, bounded });
  }
  return [...factors.values()];
}

// A string already MAX_WEIGHT long stands for "a match starts with this", so
// concatenation leaves it as it is; that keeps the sets small.
function cross(a: readonly string[], b: readonly string[]): string[] | undefined {
  const out = new Set<string>();
  for (const x of a) {
    if (weight(x) >= MAX_WEIGHT) out.add(x);
    else for (const y of b) out.add(cutLiteral(x + y));
    if (out.size > MAX_EXACT) return undefined;
  }
  return [...out];
}

function literal(ch: string): Info {
  const s = [ch];
  const boundaryAfter = ch === BOUNDARY || !ASCII_WORD.test(ch);
  return { exact: s, prefix: s, factors: undefined, boundaryAfter };
}

/** A node that matches something unknown, or nothing (a look-around, `$`, `\B`). */
function opaque(exact: readonly string[] | undefined, boundaryAfter: boolean): Info {
  return { exact, prefix: [""], factors: undefined, boundaryAfter };
}

// A recursive-descent reader for the RegExp syntax the pattern tables use. Every
// method takes `atBoundary`: whether a word character at the current position
// would start a word; literals that follow a boundary are marked with "\0", which
// lets the prefilter look for them at word starts only.
class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  alternation(atBoundary: boolean): Info {
    const branches = [this.sequence(atBoundary)];
    while (this.src[this.i] === "|") {
      this.i++;
      branches.push(this.sequence(atBoundary));
    }
    if (branches.length === 1) return branches[0] ?? opaque(undefined, false);
    const exact = branches.every((b) => b.exact !== undefined)
      ? [...new Set(branches.flatMap((b) => b.exact ?? []))]
      : undefined;
    const sets = branches.map((b) => best([b.exact, b.factors]));
    const factors = sets.every((s) => s !== undefined) ? sets.flatMap((s) => s ?? []) : undefined;
    const prefix = [...new Set(branches.flatMap((b) => b.prefix))];
    return {
      exact: exact && exact.length <= MAX_EXACT ? exact : undefined,
      prefix: prefix.length <= MAX_EXACT ? prefix : [""],
      factors,
      boundaryAfter: branches.every((b) => b.boundaryAfter),
    };
  }

  private sequence(atBoundary: boolean): Info {
    const start = atBoundary ? BOUNDARY : "";
    const candidates: (readonly string[] | undefined)[] = [];
    let run: readonly string[] = [start];
    let prefix: readonly string[] | undefined;
    let boundary = atBoundary;
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      const item = this.quantified(boundary);
      boundary = item.boundaryAfter;
      const joined = item.exact && cross(run, item.exact);
      if (joined) {
        run = joined;
        continue;
      }
      // The run so far, then how the item starts, is one contiguous literal.
      const head = cross(run, item.prefix);
      prefix ??= head ?? [start];
      candidates.push(run, head, item.factors);
      run = item.exact ?? [boundary ? BOUNDARY : ""];
    }
    candidates.push(run);
    return {
      exact: prefix === undefined ? run : undefined,
      prefix: prefix ?? run,
      factors: best(candidates),
      boundaryAfter: boundary,
    };
  }

  private quantified(atBoundary: boolean): Info {
    const atom = this.atom(atBoundary);
    const q = this.quantifier();
    if (q === undefined) return atom;
    if (this.src[this.i] === "?") this.i++; // lazy
    const [min, max] = q;
    if (min === 0) {
      const exact = max === 1 && atom.exact ? [...atom.exact, ""] : undefined;
      return opaque(exact, atBoundary && atom.boundaryAfter);
    }
    let exact: readonly string[] | undefined = atom.exact;
    if (min !== max || exact === undefined) exact = undefined;
    else for (let k = 1; k < min && exact; k++) exact = cross(exact, atom.exact ?? []);
    return { ...atom, exact, factors: best([atom.exact, atom.factors]) };
  }

  private quantifier(): [number, number] | undefined {
    const simple: Record<string, [number, number]> = {
      "?": [0, 1],
      "*": [0, Infinity],
      "+": [1, Infinity],
    };
    const ch = this.src[this.i] ?? "";
    if (simple[ch]) {
      this.i++;
      return simple[ch];
    }
    if (ch !== "{") return undefined;
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
    return [min, max];
  }

  private atom(atBoundary: boolean): Info {
    const ch = this.src[this.i++] ?? "";
    switch (ch) {
      case "\\":
        return this.escape();
      case "[":
        return this.charClass();
      case "(":
        return this.group(atBoundary);
      case ".":
        return opaque(undefined, false);
      case "^":
        return literal(BOUNDARY);
      case "$":
        return opaque([""], atBoundary);
      default:
        return literal(ch.toLowerCase());
    }
  }

  private escape(): Info {
    const ch = this.src[this.i++] ?? "";
    if (ch === "b") return literal(BOUNDARY);
    if (ch === "B") return opaque([""], false);
    if (ch === "s" || ch === "W") return opaque(undefined, true);
    if ("dDwSck0123456789".includes(ch)) return opaque(undefined, false);
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v" };
    if (simple[ch]) return literal(simple[ch]);
    if (ch === "x" || ch === "u") {
      const len = ch === "x" ? 2 : 4;
      const code = Number.parseInt(this.src.slice(this.i, this.i + len), 16);
      this.i += len;
      return literal(String.fromCharCode(code).toLowerCase());
    }
    return literal(ch.toLowerCase());
  }

  // Small classes of plain characters ([sd], [- ]) are kept as alternatives.
  private charClass(): Info {
    const chars: string[] = [];
    let plain = this.src[this.i] !== "^";
    let nonWord = plain;
    while (this.i < this.src.length && this.src[this.i] !== "]") {
      const ch = this.src[this.i++] ?? "";
      if (ch === "\\") {
        const escaped = this.src[this.i++] ?? "";
        plain = false;
        if (!"s:=\"'\x60".includes(escaped)) nonWord = false;
      } else if (ch === "-" && chars.length > 0 && this.src[this.i] !== "]") {
        plain = false;
        nonWord = false;
      } else {
        chars.push(ch.toLowerCase());
        if (ASCII_WORD.test(ch)) nonWord = false;
      }
    }
    this.i++;
    if (!plain || chars.length === 0 || chars.length > 4) return opaque(undefined, nonWord);
    const set = [...new Set(chars)];
    return { exact: set, prefix: set, factors: undefined, boundaryAfter: nonWord };
  }

  private group(atBoundary: boolean): Info {
    let lookaround = false;
    if (this.src[this.i] === "?") {
      const head = this.src.slice(this.i, this.i + 3);
      lookaround = /^\?(?:[=!]|<[=!])/.test(head);
      const close = this.src.indexOf(":", this.i);
      if (lookaround) this.i += head.startsWith("?<") ? 3 : 2;
      else if (/^\?[-imsx]*:/.test(this.src.slice(this.i, close + 1))) this.i = close + 1;
    }
    const inner = this.alternation(atBoundary);
    this.i++; // ")"
    return lookaround ? opaque([""], atBoundary) : inner;
  }
}
