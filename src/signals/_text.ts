import { ERROR_TEXT_CHARS, EXCERPT_CHARS, TEXT_CHARS } from "./signal.ts";

// deno-lint-ignore no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

/** Removes terminal colour codes. */
export function stripAnsi(text: string): string {
  return text.includes("\x1b") ? text.replace(ANSI, "") : text;
}

/** Collapses whitespace to single spaces and cuts to `max` characters. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Up to {@link EXCERPT_CHARS} characters of `text` around `index`. */
export function excerptAround(text: string, index: number): string {
  const half = Math.floor(EXCERPT_CHARS / 2);
  const start = Math.max(0, Math.min(index - half, text.length - EXCERPT_CHARS));
  return oneLine(text.slice(start, start + EXCERPT_CHARS), EXCERPT_CHARS);
}

/**
 * The line of `text` containing `index`, as clustering text: the error itself,
 * not the file contents or log around it.
 */
export function errorLineAt(text: string, index: number): string {
  const start = text.lastIndexOf("\n", index - 1) + 1;
  const end = text.indexOf("\n", index);
  const line = text.slice(start, end === -1 ? text.length : end);
  return oneLine(line, ERROR_TEXT_CHARS);
}

/** `text` cut to {@link TEXT_CHARS} characters. */
export function bounded(text: string): string {
  return text.length > TEXT_CHARS ? `${text.slice(0, TEXT_CHARS - 1)}…` : text;
}
