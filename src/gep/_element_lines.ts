/** Index just past the string literal that starts at `start` (a `"`). */
function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
  return i + 1;
}

function nextNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? "")) i++;
  return i;
}

/**
 * 1-based line numbers where each element of the top-level object's array
 * `key` starts, in a text that is valid JSON (`{"genes": [ {…}, {…} ]}`), so a
 * verify report can point into a JSON file as precisely as into a JSONL one.
 * Returns an empty list when there is no such array.
 */
export function arrayElementLines(text: string, key: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let lastKey: string | undefined;
  let inTarget = false;
  let expectElement = false;
  for (let i = 0; i < text.length;) {
    const ch = text[i] ?? "";
    if (ch === "\n") line++;
    if (inTarget && depth === 2 && expectElement && !/[\s\]]/.test(ch)) {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') {
      const end = skipString(text, i);
      if (depth === 1 && text[nextNonSpace(text, end)] === ":") {
        lastKey = JSON.parse(text.slice(i, end)) as string;
      }
      i = end;
      continue;
    }
    if (ch === "{" || ch === "[") {
      depth++;
      if (ch === "[" && depth === 2 && lastKey === key && lines.length === 0) {
        inTarget = true;
        expectElement = true;
      }
    } else if (ch === "}" || ch === "]") {
      depth--;
      if (inTarget && depth === 1) return lines;
    } else if (ch === "," && inTarget && depth === 2) {
      expectElement = true;
    }
    i++;
  }
  return lines;
}
