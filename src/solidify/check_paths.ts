import { isAbsolute, relative, sep } from "node:path";
import type { ChangeSet } from "./measure_changes.ts";
import { globToRegExp, matchGlob } from "./glob.ts";

/**
 * Paths no change may touch, whatever the gene says: git's own folder at any depth, and
 * files that usually hold credentials. Patterns follow {@linkcode globToRegExp} (no `/` =
 * any depth; a folder covers what is below it). `.env.example`-style templates stay editable.
 */
export const DEFAULT_FORBIDDEN_PATHS: readonly string[] = [
  ".git",
  ".env",
  ".env.local",
  ".env.*.local",
  ".env.production",
  ".env.development",
  ".env.test",
  ".ssh",
  ".aws",
  ".gnupg",
  ".netrc",
  ".npmrc",
  ".pypirc",
  ".git-credentials",
  "*.pem",
  "*.key",
  "*.p12",
  "id_rsa*",
  "id_ecdsa*",
  "id_ed25519*",
];

/**
 * The workspace's core configuration (DESIGN §6.5): changes here alter how everything else
 * runs, so they need `EVOLVE_ALLOW_SELF_MODIFY=true`. Anchored at the top level.
 */
export const DEFAULT_CRITICAL_PATHS: readonly string[] = [
  "/package.json",
  "/package-lock.json",
  "/deno.json",
  "/deno.jsonc",
  "/deno.lock",
  "/openclaw.plugin.json",
  "/tsconfig.json",
  "/.github",
  "/.gitlab-ci.yml",
  "/.gitattributes",
  "/.gitmodules",
];

/** Which paths {@linkcode checkPaths} protects. */
export interface PathRules {
  /** Always refused. Pass the gene's `forbidden_paths` plus {@linkcode DEFAULT_FORBIDDEN_PATHS}. */
  readonly forbidden: readonly string[];
  /** Refused unless `allowSelfModify`; default {@linkcode DEFAULT_CRITICAL_PATHS}. */
  readonly critical?: readonly string[];
  /** `EVOLVE_ALLOW_SELF_MODIFY`: lets a change touch critical paths and the engine itself. */
  readonly allowSelfModify: boolean;
  /**
   * Absolute (real) path of lshml's own checkout. When it lies inside the work tree, its
   * folder is critical; when the work tree lies inside it, every path is.
   */
  readonly engineRoot?: string;
}

/** A changed path that a rule protects. */
export interface PathViolation {
  /** `git_metadata`: a hook, `info/*` or `config` under the git dir changed (always refused). */
  readonly rule: "forbidden" | "critical" | "engine" | "git_metadata";
  readonly path: string;
  /** The glob that matched (the engine's folder as a glob for `engine`). */
  readonly pattern: string;
}

/**
 * Which changed paths (both sides of a rename) are forbidden, critical, part of the engine,
 * or git metadata. Forbidden paths and git metadata are refused always; critical paths and
 * the engine's own files only while `allowSelfModify` is false.
 *
 * @throws {SyntaxError} for an invalid glob.
 *
 * @example
 * ```ts
 * checkPaths(changes, { forbidden: [".env"], allowSelfModify: false });
 * // [{ rule: "critical", path: "package.json", pattern: "/package.json" }]
 * ```
 */
export function checkPaths(
  changes: Pick<ChangeSet, "root" | "files" | "gitMeta">,
  rules: PathRules,
): PathViolation[] {
  const compiled = (rule: PathViolation["rule"], patterns: readonly string[]) =>
    patterns.map((pattern) => ({ rule, pattern, regexp: globToRegExp(pattern) }));
  const guarded = [
    ...compiled("forbidden", rules.forbidden),
    ...(rules.allowSelfModify ? [] : [
      ...compiled("critical", rules.critical ?? DEFAULT_CRITICAL_PATHS),
      ...compiled("engine", _enginePatterns(changes.root, rules.engineRoot)),
    ]),
  ];
  const violations: PathViolation[] = changes.gitMeta.map((meta) => ({
    rule: "git_metadata",
    path: meta.path,
    pattern: ".git",
  }));
  const paths = new Set(changes.files.flatMap((f) => (f.oldPath ? [f.oldPath, f.path] : [f.path])));
  for (const path of paths) {
    const hit = guarded.find((guard) => matchGlob(guard.regexp, path));
    if (hit) violations.push({ rule: hit.rule, path, pattern: hit.pattern });
  }
  return violations;
}

/** The engine's folder as an anchored glob, `**` when the work tree is inside it, or none. */
function _enginePatterns(root: string, engineRoot: string | undefined): string[] {
  if (engineRoot === undefined) return [];
  const inside = relative(root, engineRoot);
  if (inside === "") return ["**"];
  if (_below(inside)) return [`/${inside.split(sep).join("/")}`];
  return _below(relative(engineRoot, root)) ? ["**"] : [];
}

/** Whether a `relative()` result points below its base rather than out of it. */
function _below(path: string): boolean {
  return path !== ".." && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}
