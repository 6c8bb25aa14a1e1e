import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ConfigError } from "./config_error.ts";

/** The config file's name inside the home directory. */
export const CONFIG_FILE_NAME = "config.json";

/** A parsed config file and its path. */
export interface ConfigFile {
  readonly origin: string;
  readonly value: unknown;
}

/**
 * Reads `<home>/config.json`. A missing file is `undefined`; a file that is not
 * JSON is a {@link ConfigError} naming the file (it is the user's own file, so
 * it is never moved or rewritten).
 */
export async function readConfigFile(homeDir: string): Promise<ConfigFile | undefined> {
  const origin = join(homeDir, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await readFile(origin, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    return { origin, value: JSON.parse(text) };
  } catch (error) {
    throw new ConfigError([{
      key: "(file)",
      value: text.length > 60 ? `${text.slice(0, 60)}…` : text,
      from: `file ${origin}`,
      allowed: `valid JSON (${(error as Error).message})`,
    }], { cause: error });
  }
}
