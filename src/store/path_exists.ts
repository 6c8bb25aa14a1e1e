import { readFile, stat } from "node:fs/promises";

/**
 * Whether `path` exists, and whether it is a directory. A missing path is not an
 * error; any other failure (no permission, an I/O error) is thrown.
 */
export async function pathKind(path: string): Promise<"missing" | "dir" | "file"> {
  try {
    return (await stat(path)).isDirectory() ? "dir" : "file";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
}

/** Whether `path` exists (a permission error is an error, not "missing"). */
export async function pathExists(path: string): Promise<boolean> {
  return (await pathKind(path)) !== "missing";
}

/** A file's text, or `undefined` when it does not exist (any other failure is thrown). */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}
