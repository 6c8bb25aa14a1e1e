/**
 * Generates the OpenClaw plugin's metadata from the config schema, so every setting is
 * declared with its help text (DESIGN §6.7):
 *
 *   openclaw.plugin.json, package.json                 the checkout root as a plugin
 *   plugin/openclaw.plugin.json, plugin/package.json   the small plugin folder (recommended)
 *
 *   deno run -A scripts/plugin/build_manifest.ts --write   write them (then `deno fmt` them)
 *   deno run -A scripts/plugin/build_manifest.ts           check them; exit 1 when stale
 *
 * tests/plugin/manifest_test.ts fails when they are out of date.
 *
 * @module
 */
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath } from "node:url";
import { pluginManifest, pluginPackageJson } from "../../src/agent_server/mod.ts";

/** The checkout root. */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** One generated file: its path under the checkout and its content. */
export interface GeneratedFile {
  readonly path: string;
  readonly value: unknown;
}

/** Every generated file with the content it must have. */
export function generatedFiles(): GeneratedFile[] {
  const manifest = pluginManifest();
  return [
    { path: "openclaw.plugin.json", value: manifest },
    { path: "package.json", value: pluginPackageJson("./plugin/index.js") },
    { path: "plugin/openclaw.plugin.json", value: manifest },
    { path: "plugin/package.json", value: pluginPackageJson("./index.js") },
  ];
}

/** The generated files whose content differs from what is on disk. */
export function staleFiles(root = ROOT): string[] {
  return generatedFiles().filter((file) => {
    try {
      return !isDeepStrictEqual(
        JSON.parse(Deno.readTextFileSync(`${root}${file.path}`)),
        file.value,
      );
    } catch (error) {
      if (error instanceof Deno.errors.NotFound || error instanceof SyntaxError) return true;
      throw error;
    }
  }).map((file) => file.path);
}

async function write(): Promise<void> {
  const files = generatedFiles();
  for (const file of files) {
    Deno.writeTextFileSync(`${ROOT}${file.path}`, `${JSON.stringify(file.value, null, 2)}\n`);
  }
  const fmt = await new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--quiet", "--config", "deno.json", ...files.map((f) => f.path)],
    cwd: ROOT,
  }).output();
  if (!fmt.success) throw new Error("deno fmt failed on the generated files");
  console.log(`wrote ${files.map((f) => f.path).join(", ")}`);
}

if (import.meta.main) {
  if (Deno.args.includes("--write")) await write();
  else {
    const stale = staleFiles();
    if (stale.length > 0) {
      console.error(
        `out of date: ${
          stale.join(", ")
        }; run deno run -A scripts/plugin/build_manifest.ts --write`,
      );
      Deno.exit(1);
    }
    console.log("plugin manifest and package.json files are up to date");
  }
}
