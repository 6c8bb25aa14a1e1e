// @ts-check
/**
 * Bounds what one hook call sends to the engine, so a huge session never costs OpenClaw
 * much memory or time to serialize, and never exceeds the engine's line limit (4 MiB,
 * `MAX_LINE_BYTES` in src/agent_server/protocol.ts):
 *
 * - `messages` arrays (the session history of `before_prompt_build` and `agent_end`) keep
 *   their newest 64 entries: the current turn and the feedback on the previous one;
 * - other arrays keep their first 200 items, objects their first 200 keys;
 * - strings keep their first 16,000 characters plus a `…[lshml: N more chars cut]` note;
 * - nesting deeper than 16 levels, cycles, functions and binary data become short notes;
 * - if the line is still over 2 MiB, the limits shrink fourfold and the event is bounded
 *   again (twice at most); past that only `ctx` is sent and `event` is null.
 *
 * What was cut is counted in the request's `trimmed` field.
 *
 * @module
 */
import { Buffer } from "node:buffer";

/**
 * @typedef {object} Limits
 * @property {number} messages newest entries kept of a `messages` array
 * @property {number} items first items kept of any other array
 * @property {number} keys first keys kept of an object
 * @property {number} stringChars characters kept of a string
 * @property {number} depth deepest nesting kept
 */

/** @typedef {{ messages: number, strings: number, items: number }} Trimmed */

/** @type {Readonly<Limits>} */
export const LIMITS = Object.freeze({
  messages: 64,
  items: 200,
  keys: 200,
  stringChars: 16_000,
  depth: 16,
});

/** Largest request line the plugin sends (bytes); half the engine's limit. */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

/**
 * A JSON-safe copy of `value` within `limits`; counts what was cut into `trimmed`.
 *
 * @param {unknown} value
 * @param {Limits} limits
 * @param {Trimmed} trimmed
 * @returns {unknown}
 */
export function bound(value, limits, trimmed) {
  /** @type {WeakSet<object>} */
  const path = new WeakSet();
  /**
   * @param {unknown} v
   * @param {number} depth
   * @param {string} key
   * @returns {unknown}
   */
  const walk = (v, depth, key) => {
    if (typeof v === "string") {
      if (v.length <= limits.stringChars) return v;
      trimmed.strings++;
      const cut = v.length - limits.stringChars;
      return `${v.slice(0, limits.stringChars)}…[lshml: ${cut} more chars cut]`;
    }
    if (v === null || typeof v === "number" || typeof v === "boolean") return v;
    if (typeof v === "bigint") return String(v);
    if (typeof v !== "object") return undefined; // functions, symbols: JSON drops them too
    if (path.has(v)) return "[lshml: circular]";
    if (ArrayBuffer.isView(v)) {
      return `[lshml: ${v.byteLength} bytes of binary data]`;
    }
    if (depth >= limits.depth) {
      trimmed.items++;
      return "[lshml: nested too deep]";
    }
    path.add(v);
    try {
      if (Array.isArray(v)) return walkArray(v, depth, key);
      const toJSON = /** @type {{ toJSON?: unknown }} */ (v).toJSON;
      if (typeof toJSON === "function") {
        return walk(toJSON.call(v), depth + 1, key);
      }
      /** @type {Record<string, unknown>} */
      const out = {};
      let kept = 0;
      for (const [k, x] of Object.entries(v)) {
        if (kept++ >= limits.keys) {
          trimmed.items++;
          break;
        }
        const w = walk(x, depth + 1, k);
        if (w !== undefined) out[k] = w;
      }
      return out;
    } catch (error) {
      return `[lshml: unreadable (${error instanceof Error ? error.name : "error"})]`;
    } finally {
      path.delete(v); // a value shared (not cyclic) is copied each time, as JSON does
    }
  };
  /**
   * @param {unknown[]} array
   * @param {number} depth
   * @param {string} key
   */
  const walkArray = (array, depth, key) => {
    const history = key === "messages";
    const cap = history ? limits.messages : limits.items;
    let kept = array;
    if (array.length > cap) {
      kept = history ? array.slice(-cap) : array.slice(0, cap);
      if (history) trimmed.messages += array.length - cap;
      else trimmed.items += array.length - cap;
    }
    return kept.map((x) => walk(x, depth + 1, "") ?? null);
  };
  return walk(value, 0, "");
}

/**
 * The request line for one hook call, bounded as described above.
 *
 * @param {number} id
 * @param {string} hook
 * @param {unknown} event
 * @param {unknown} ctx
 * @returns {string} one JSON line, newline included
 * @example
 * hookRequestLine(7, "agent_end", { messages: hugeHistory }, ctx); // '{"id":7,…,"trimmed":{…}}\n'
 */
export function hookRequestLine(id, hook, event, ctx) {
  /** @type {Limits} */
  let limits = LIMITS;
  for (let pass = 0; pass < 3; pass++) {
    const trimmed = { messages: 0, strings: 0, items: 0 };
    const request = {
      id,
      type: "hook",
      hook,
      event: bound(event, limits, trimmed) ?? null,
      ctx: bound(ctx, limits, trimmed) ?? null,
      ...(trimmed.messages + trimmed.strings + trimmed.items > 0 ? { trimmed } : {}),
    };
    const line = `${JSON.stringify(request)}\n`;
    if (Buffer.byteLength(line) <= MAX_REQUEST_BYTES) return line;
    limits = {
      messages: Math.max(1, Math.floor(limits.messages / 4)),
      items: Math.max(8, Math.floor(limits.items / 4)),
      keys: Math.max(8, Math.floor(limits.keys / 4)),
      stringChars: Math.max(256, Math.floor(limits.stringChars / 4)),
      depth: limits.depth,
    };
  }
  const trimmed = { messages: 0, strings: 0, items: 1 };
  const ctxOnly = bound(ctx, limits, trimmed) ?? null;
  return `${
    JSON.stringify({
      id,
      type: "hook",
      hook,
      event: null,
      ctx: ctxOnly,
      trimmed,
    })
  }\n`;
}
