import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configTable, tableCells, tableRows } from "../scripts/config_table.ts";
import { DATA_FILES } from "../src/store/mod.ts";
import { ROOT } from "./_helpers/cli.ts";

const readme = readFileSync(`${ROOT}README.md`, "utf8");

describe("README", () => {
  it("documents every setting exactly as the schema defines it", () => {
    // Out of date? Run: deno run -A scripts/config_table.ts --write
    expect(tableCells(readme)).toEqual(tableRows(configTable()));
  });

  it("lists every data file", () => {
    for (const file of DATA_FILES) expect(readme).toContain(`\`${file.relPath}\``);
  });
});
