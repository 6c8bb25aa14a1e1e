/** deno.json's `fmt.lineWidth`: the shipped JSON stays as `deno fmt` leaves it. */
const LINE_WIDTH = 100;

function isFlat(value: unknown): boolean {
  return value === null || typeof value !== "object" ||
    (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object"));
}

/**
 * JSON for people: two-space indentation like `JSON.stringify(v, null, 2)`, but
 * an array of scalars (or of such arrays, e.g. argv lists) stays on one line
 * when it fits in {@link LINE_WIDTH} — a form `deno fmt` keeps as it is.
 */
export function formatJson(value: unknown, indent = "", prefix = ""): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every(isFlat)) {
      const oneLine = `[${value.map((v) => formatJson(v)).join(", ")}]`;
      if (indent.length + prefix.length + oneLine.length + 1 <= LINE_WIDTH) return oneLine;
    }
    const items = value.map((v) => `${inner}${formatJson(v, inner)}`);
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const items = entries.map(([k, v]) => {
    const key = `${JSON.stringify(k)}: `;
    return `${inner}${key}${formatJson(v, inner, key)}`;
  });
  return `{\n${items.join(",\n")}\n${indent}}`;
}
