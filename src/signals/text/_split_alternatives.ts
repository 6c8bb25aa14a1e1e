/**
 * Splits a RegExp source at its top-level `|`, leaving alternations inside
 * groups and character classes alone.
 *
 * @example
 * ```ts
 * splitAlternatives(String.raw`\ba|(?:b|c)|[|]`); // ["\\ba", "(?:b|c)", "[|]"]
 * ```
 */
export function splitAlternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") {
      i++; // the escaped character never opens, closes or splits anything
    } else if (inClass) {
      if (ch === "]") inClass = false;
    } else if (ch === "[") {
      inClass = true;
    } else if (ch === "(") {
      depth++;
    } else if (ch === ")") {
      depth--;
    } else if (ch === "|" && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}
