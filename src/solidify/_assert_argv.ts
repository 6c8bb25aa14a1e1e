/** Throws a TypeError unless `argv` is a non-empty array of strings with a program first. */
export function _assertArgv(argv: readonly unknown[]): asserts argv is readonly string[] {
  if (!Array.isArray(argv) || argv.length === 0) {
    throw new TypeError(`a command is a non-empty argv array, got ${JSON.stringify(argv)}`);
  }
  if (!argv.every((arg) => typeof arg === "string") || argv[0] === "") {
    throw new TypeError(
      `every argv element must be a string, the first non-empty: ${JSON.stringify(argv)}`,
    );
  }
}
