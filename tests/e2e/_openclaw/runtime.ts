import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../_helpers/cli.ts";

/** Node 24 and the OpenClaw CLI entry, as installed by .ci/setup.d/openclaw.sh. */
export interface OpenClawRuntime {
  readonly node: string;
  readonly entry: string;
}

function fromEnvFile(file: string): OpenClawRuntime | undefined {
  if (!existsSync(file)) return undefined;
  const values = Object.fromEntries(
    readFileSync(file, "utf8").split("\n").map((line) => line.split("=", 2)).filter((p) =>
      p.length === 2
    ),
  );
  const node = values.OPENCLAW_NODE;
  const entry = values.OPENCLAW_ENTRY;
  return node && entry && existsSync(node) && existsSync(entry) ? { node, entry } : undefined;
}

/**
 * Finds the OpenClaw runtime: `OPENCLAW_NODE` + `OPENCLAW_ENTRY` from the environment, else
 * `<cache>/openclaw-runtime.env` written by `.ci/setup.d/openclaw.sh` (cache = `LSHML_CI_CACHE`,
 * as `.ci/run` uses it, else `<checkout>/.cache`); when neither exists it runs that setup
 * script (about 35 s from the npm registry) and reads the file it wrote.
 */
export async function openClawRuntime(): Promise<OpenClawRuntime> {
  const node = Deno.env.get("OPENCLAW_NODE");
  const entry = Deno.env.get("OPENCLAW_ENTRY");
  if (node && entry) return { node, entry };
  const cache = Deno.env.get("LSHML_CI_CACHE") ?? join(ROOT, ".cache");
  const envFile = join(cache, "openclaw-runtime.env");
  const found = fromEnvFile(envFile);
  if (found) return found;
  const setup = await new Deno.Command("bash", {
    args: [join(ROOT, ".ci", "setup.d", "openclaw.sh"), cache],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const installed = fromEnvFile(envFile);
  if (!setup.success || !installed) {
    throw new Error(
      `could not install OpenClaw with .ci/setup.d/openclaw.sh:\n${
        new TextDecoder().decode(setup.stderr)
      }`,
    );
  }
  return installed;
}
