/** Thrown inside the scanner with the offset of the first character that is not JSON. */
class Stop {
  constructor(readonly at: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// JSON strings may not hold raw control characters (U+0000–U+001F): matching them is the point.
// deno-lint-ignore no-control-regex
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * A strict RFC 8259 scanner that only finds where a text stops being JSON: V8's
 * `JSON.parse` messages often give no position ("Unexpected token ','"), and a
 * report must point at a line.
 */
class Scanner {
  i = 0;
  constructor(readonly text: string) {}

  space(): void {
    while (/[ \t\n\r]/.test(this.text[this.i] ?? "")) this.i++;
  }

  sticky(pattern: RegExp): void {
    pattern.lastIndex = this.i;
    if (!pattern.test(this.text)) throw new Stop(this.i);
    this.i = pattern.lastIndex;
  }

  expect(char: string): void {
    if (this.text[this.i] !== char) throw new Stop(this.i);
    this.i++;
  }

  list(close: string, item: () => void): void {
    this.i++;
    this.space();
    if (this.text[this.i] === close) return void this.i++;
    for (;;) {
      item();
      this.space();
      if (this.text[this.i] === close) return void this.i++;
      this.expect(",");
      this.space();
    }
  }

  value(): void {
    this.space();
    const ch = this.text[this.i];
    if (ch === "{") {
      this.list("}", () => {
        this.sticky(STRING);
        this.space();
        this.expect(":");
        this.value();
      });
    } else if (ch === "[") this.list("]", () => this.value());
    else if (ch === '"') this.sticky(STRING);
    else if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) this.sticky(NUMBER);
    else {
      const word = ["true", "false", "null"].find((w) => this.text.startsWith(w, this.i));
      if (!word) throw new Stop(this.i);
      this.i += word.length;
    }
  }
}

/**
 * The 1-based line of the first character where `text` stops being valid
 * JSON, or `undefined` when it is valid.
 */
export function jsonErrorLine(text: string): number | undefined {
  const scanner = new Scanner(text);
  let at: number;
  try {
    scanner.value();
    scanner.space();
    if (scanner.i === text.length) return undefined;
    at = scanner.i;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    at = error.at;
  }
  return text.slice(0, at).split("\n").length;
}
