import { describe, expect, it } from "vitest";
import { globToRegExp, matchGlob } from "../../src/solidify/mod.ts";

describe("globToRegExp() and matchGlob()", () => {
  const cases: [string, string, boolean][] = [
    // `*` stays within one segment, dot files included.
    ["src/*.ts", "src/a.ts", true],
    ["src/*.ts", "src/lib/a.ts", false],
    ["src/*.ts", "src/.hidden.ts", true],
    ["*.pem", "certs/.server.pem", true],
    // `?` is exactly one character, never `/`.
    ["file?.txt", "file1.txt", true],
    ["file?.txt", "file10.txt", false],
    ["a?b", "a/b", false],
    // `**` spans zero or more segments.
    ["src/**", "src", true],
    ["src/**", "src/a/b/c.ts", true],
    ["src/**/test.ts", "src/test.ts", true],
    ["src/**/test.ts", "src/a/b/test.ts", true],
    ["src/**/test.ts", "srcx/test.ts", false],
    ["**/.env", ".env", true],
    ["**/.env", "apps/web/.env", true],
    ["**/.env", "apps/web/.env.example", false],
    ["**", "anything/at/all", true],
    ["a/**/**/b", "a/x/b", true],
    // No slash: any depth; a slash anchors at the top (a leading one too).
    [".env", "config/.env", true],
    ["/package.json", "package.json", true],
    ["/package.json", "packages/x/package.json", false],
    ["docs/*.md", "other/docs/a.md", false],
    // A folder covers what is below it.
    [".git", ".git/hooks/pre-commit", true],
    ["node_modules", "a/node_modules/x/index.js", true],
    ["/.github", ".github/workflows/ci.yml", true],
    ["build", "buildx/a", false],
    // Everything else is literal.
    ["a.b", "axb", false],
    ["[ab].txt", "[ab].txt", true],
    ["[ab].txt", "a.txt", false],
    ["(x)+", "(x)+", true],
    ["\\*.txt", "*.txt", true],
    ["\\*.txt", "a.txt", false],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`"${pattern}" ${expected ? "matches" : "does not match"} "${path}"`, () => {
      expect(matchGlob(pattern, path)).toBe(expected);
    });
  }

  it("rejects an empty pattern and a dangling backslash", () => {
    expect(() => globToRegExp("")).toThrow(SyntaxError);
    expect(() => globToRegExp("/")).toThrow(SyntaxError);
    expect(() => globToRegExp("abc\\")).toThrow(SyntaxError);
  });
});
