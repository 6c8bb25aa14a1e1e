/**
 * Compiles a path glob to a RegExp over `/`-separated relative paths:
 * - `*` matches any characters except `/` (dot files included: a forbidden `*.pem` must
 *   catch `.secret.pem`); `?` one character except `/`;
 * - `**` as a whole segment matches zero or more segments: `a/**\/b` (written here with a
 *   backslash so this comment stays open) matches `a/b` and `a/x/y/b`; a trailing `/**`
 *   matches everything below;
 * - `\` escapes the next character; everything else is literal (`[` too).
 *
 * A pattern with a `/` (other than a trailing one) is anchored at the work tree's top level
 * (a leading `/` is dropped); one without matches at any depth, like `.gitignore`. The
 * compiled expression matches a whole path; {@linkcode matchGlob} also tries the path's
 * folders, so `node_modules` or `.git` covers everything below them.
 *
 * @throws {SyntaxError} for an empty pattern or a dangling `\`.
 *
 * @example
 * ```ts
 * globToRegExp("src/**").test("src/a/b.ts"); // true
 * globToRegExp("*.env").test("config/prod.env"); // true (no slash: any depth)
 * ```
 */
export function globToRegExp(pattern: string): RegExp {
  const glob = pattern.replace(/\/+$/, "");
  if (glob === "") throw new SyntaxError(`an empty glob matches nothing: "${pattern}"`);
  const anchored = glob.includes("/");
  const segments = glob.replace(/^\/+/, "").split("/")
    .filter((segment, i, all) => !(segment === "**" && all[i - 1] === "**"))
    .map((segment) => (segment === "**" ? null : _segment(segment, pattern)));
  let source = "";
  segments.forEach((segment, i) => {
    const first = i === 0;
    const last = i === segments.length - 1;
    if (segment !== null) source += (first || segments[i - 1] === null ? "" : "/") + segment;
    else if (first) source += last ? ".*" : "(?:.*/)?";
    else source += last ? "(?:/.*)?" : "(?:/.*)?/";
  });
  return new RegExp(`${anchored ? "^" : "^(?:.*/)?"}${source}$`, "s");
}

/**
 * Whether `path` (relative, `/`-separated) or one of its folders matches `pattern`
 * (see {@linkcode globToRegExp}).
 *
 * @example
 * ```ts
 * matchGlob(".git", ".git/hooks/pre-commit"); // true
 * matchGlob("**\/.env", "apps/web/.env"); // true
 * matchGlob("src/*.ts", "src/lib/a.ts"); // false
 * ```
 */
export function matchGlob(pattern: string | RegExp, path: string): boolean {
  const regexp = typeof pattern === "string" ? globToRegExp(pattern) : pattern;
  const parts = path.split("/");
  for (let end = parts.length; end > 0; end--) {
    if (regexp.test(parts.slice(0, end).join("/"))) return true;
  }
  return false;
}

function _segment(segment: string, pattern: string): string {
  let out = "";
  for (let i = 0; i < segment.length; i++) {
    const char = segment.charAt(i);
    if (char === "\\") {
      const next = segment.charAt(++i);
      if (next === "") throw new SyntaxError(`a glob cannot end with "\\": "${pattern}"`);
      out += _escape(next);
    } else if (char === "*") {
      while (segment.charAt(i + 1) === "*") i++;
      out += "[^/]*";
    } else if (char === "?") out += "[^/]";
    else out += _escape(char);
  }
  return out;
}

function _escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
