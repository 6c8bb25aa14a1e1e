import { isAbsolute, join, resolve } from "node:path";

/** Where the home directory choice came from. */
export type HomeSource = "flag" | "env" | "checkout" | "default";

/** The lshml home: one directory holding `config.json`, `memory/` and `assets/gep/`. */
export interface Home {
  readonly dir: string;
  readonly source: HomeSource;
}

/** What {@link resolveHome} decides from. */
export interface HomeInputs {
  /** `--home DIR`, if given. */
  readonly flag?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /**
   * The source checkout this program runs from, when it runs from one (not from
   * a compiled binary). Like the seeds, a checkout keeps its data in itself.
   */
  readonly checkoutDir?: string | undefined;
}

/** The user's home directory from the environment (`HOME`, or `USERPROFILE` on Windows). */
export function userHomeDir(env: HomeInputs["env"]): string | undefined {
  return env.HOME || env.USERPROFILE || undefined;
}

/**
 * Expands a leading `~` and makes the path absolute against `cwd`.
 *
 * @example
 * ```ts
 * expandPath("~/.openclaw", { env: { HOME: "/home/me" }, cwd: "/tmp" }); // "/home/me/.openclaw"
 * ```
 */
export function expandPath(
  path: string,
  context: { readonly env: HomeInputs["env"]; readonly cwd: string },
): string {
  let expanded = path;
  if (path === "~" || path.startsWith("~/")) {
    const home = userHomeDir(context.env);
    if (!home) {
      throw new RangeError(`cannot expand ${JSON.stringify(path)}: HOME is not set`);
    }
    expanded = join(home, path.slice(1));
  }
  return isAbsolute(expanded) ? expanded : resolve(context.cwd, expanded);
}

/** Name of the default home under the user's home directory, for compiled binaries. */
export const DEFAULT_HOME_NAME = ".lshml";

/**
 * Picks the home directory: `--home` > `LSHML_HOME` > the checkout this runs
 * from > `~/.lshml`.
 */
export function resolveHome(inputs: HomeInputs): Home {
  if (inputs.flag) return { dir: expandPath(inputs.flag, inputs), source: "flag" };
  const fromEnv = inputs.env.LSHML_HOME;
  if (fromEnv) return { dir: expandPath(fromEnv, inputs), source: "env" };
  if (inputs.checkoutDir) return { dir: resolve(inputs.checkoutDir), source: "checkout" };
  return { dir: expandPath(`~/${DEFAULT_HOME_NAME}`, inputs), source: "default" };
}

/** Human text for where the home came from. */
export function describeHomeSource(source: HomeSource): string {
  switch (source) {
    case "flag":
      return "--home";
    case "env":
      return "env LSHML_HOME";
    case "checkout":
      return "the checkout lshml runs from";
    case "default":
      return `default (~/${DEFAULT_HOME_NAME})`;
  }
}
