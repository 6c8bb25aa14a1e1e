import { describe, expect, it } from "vitest";
import { argvProblem } from "../../src/gep/mod.ts";

describe("argvProblem(): validation commands are argv arrays, never shell strings", () => {
  const accepted: string[][] = [
    ["git", "diff", "--check"],
    ["npm", "test"],
    ["deno", "test", "-A", "tests/a b/with space_test.ts"],
    ["bash", "scripts/check.sh"],
    ["./node_modules/.bin/tsc", "--noEmit", "-p", "."],
    ["pytest", "-k", "not slow"],
  ];
  for (const argv of accepted) {
    it(`accepts ${JSON.stringify(argv)}`, () => expect(argvProblem(argv)).toBeUndefined());
  }

  const rejected: [string[], RegExp][] = [
    [["npm test && rm -rf /"], /shell syntax "&"/],
    [["npm", "test;", "rm", "-rf", "/"], /shell syntax ";"/],
    [["cat", "a", "|", "sh"], /shell syntax "\|"/],
    [["echo", "$(id)"], /shell syntax "\$"/],
    [["echo", "`id`"], /shell syntax "`"/],
    [["git", "log", ">", "out.txt"], /shell syntax ">"/],
    [["git", "diff\nrm -rf /"], /shell syntax/],
    [["npm test"], /whitespace/],
    [["sh", "-c", "npm test"], /command-string/],
    [["/bin/bash", "-lc", "make"], /command-string/],
    [["env", "FOO=1", "bash", "-c", "make"], /command-string/],
    [["cmd.exe", "/c", "dir"], /command-string/],
    [["pwsh", "-Command", "Get-ChildItem"], /command-string/],
    [[], /empty command/],
    [["git", ""], /argv\[1\] is empty/],
  ];
  for (const [argv, reason] of rejected) {
    it(`rejects ${JSON.stringify(argv)}`, () => expect(argvProblem(argv)).toMatch(reason));
  }
});
