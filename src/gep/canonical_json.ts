import { jsonPath, type PathSegment } from "./_json_path.ts";

/**
 * Serialises a JSON value canonically: object keys sorted by UTF-16 code units,
 * no whitespace, strings and numbers written exactly as `JSON.stringify` writes
 * them. For the values it accepts this is the JSON Canonicalization Scheme
 * (RFC 8785), so the same data always gives the same text — before and after a
 * JSON write/read round trip — and therefore the same hash.
 *
 * It throws a `TypeError` naming the path (`$.selector.alternatives[2].score`)
 * for anything that would not come back unchanged from `JSON.parse(JSON.stringify(x))`:
 * `undefined` (as a value or an array element), `NaN`, `±Infinity`, functions,
 * symbols, bigints, `Date`/`Map`/`Set`/class instances and boxed primitives (only
 * plain objects and arrays), sparse arrays or arrays with extra properties,
 * symbol keys and non-enumerable properties, and circular references.
 *
 * `-0` is normalised to `0` rather than rejected: JSON has no negative zero
 * (`JSON.stringify(-0)` is `"0"`), both read back as `0`, and the canonical text
 * — hence the asset id — is identical before and after a reload. Rejecting it
 * would make ordinary arithmetic (`Math.round(-0.2)`) fail at record time.
 *
 * @example
 * ```ts
 * canonicalJson({ b: [1, "x"], a: null }); // '{"a":null,"b":[1,"x"]}'
 * canonicalJson({ a: [1, undefined] }); // throws TypeError: … at $.a[1]
 * ```
 */
export function canonicalJson(value: unknown): string {
  return write(value, [], new Set());
}

function fail(path: readonly PathSegment[], what: string, hint = ""): never {
  throw new TypeError(
    `canonicalJson: ${what} at ${jsonPath(path)} does not survive a JSON round trip${hint}`,
  );
}

function write(value: unknown, path: PathSegment[], open: Set<object>): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) fail(path, String(value));
      return Object.is(value, -0) ? "0" : JSON.stringify(value);
    case "object":
      if (value === null) return "null";
      if (open.has(value)) fail(path, "a circular reference");
      open.add(value);
      try {
        return Array.isArray(value)
          ? writeArray(value, path, open)
          : writeObject(value, path, open);
      } finally {
        open.delete(value);
      }
    case "undefined":
      return fail(path, "undefined", " (it is dropped, or becomes null in an array)");
    default:
      return fail(path, `a ${typeof value}`);
  }
}

function writeArray(array: readonly unknown[], path: PathSegment[], open: Set<object>): string {
  if (Object.getPrototypeOf(array) !== Array.prototype) fail(path, "an Array subclass");
  const parts: string[] = [];
  for (let i = 0; i < array.length; i++) {
    if (!(i in array)) fail([...path, i], "a hole in a sparse array");
    path.push(i);
    parts.push(write(array[i], path, open));
    path.pop();
  }
  const keys = Reflect.ownKeys(array).length - 1; // minus "length"
  if (keys !== array.length) fail(path, "an array with extra properties");
  return `[${parts.join(",")}]`;
}

function writeObject(object: object, path: PathSegment[], open: Set<object>): string {
  const proto = Object.getPrototypeOf(object);
  if (proto !== Object.prototype && proto !== null) {
    const name = (object as { constructor?: { name?: unknown } }).constructor?.name;
    const hint = object instanceof Date ? " (store date.toISOString() instead)" : "";
    fail(path, `a ${typeof name === "string" && name !== "" ? name : "non-plain object"}`, hint);
  }
  const record = object as Record<string, unknown>;
  const keys = Object.keys(record);
  for (const key of Reflect.ownKeys(object)) {
    if (typeof key === "symbol") fail(path, `a symbol key ${String(key)}`);
    if (!Object.prototype.propertyIsEnumerable.call(object, key)) {
      fail([...path, key], "a non-enumerable property");
    }
  }
  keys.sort();
  const parts: string[] = [];
  for (const key of keys) {
    path.push(key);
    parts.push(`${JSON.stringify(key)}:${write(record[key], path, open)}`);
    path.pop();
  }
  return `{${parts.join(",")}}`;
}
