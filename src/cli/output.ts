import type { CliIo } from "./cli_env.ts";

/** Prints a value as indented JSON on stdout: the `--json` form of every command. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/**
 * Lays out rows as aligned columns (the last column is not padded).
 *
 * @example
 * ```ts
 * formatTable([["key", "value"], ["a", "1"]]); // "key  value\na    1"
 * ```
 */
export function formatTable(rows: readonly (readonly string[])[], gap = 2): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row.map((cell, i) => i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + gap)).join("")
      .trimEnd()
  ).join("\n");
}
