/** One line read from a stream, or the fact that a line was too long to keep. */
export type LineEvent =
  | { readonly kind: "line"; readonly text: string }
  | {
    readonly kind: "overlong";
    /** Bytes of the discarded line (newline excluded). */
    readonly bytes: number;
    /** Its first bytes, decoded, so the request id can still be read. */
    readonly head: string;
  };

const NEWLINE = 0x0a;
/** How much of a discarded line is kept to find its id. */
const HEAD_BYTES = 256;

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Splits a byte stream into newline-terminated UTF-8 lines without ever holding more than
 * `maxLineBytes` of one line: a longer line is skipped as it streams in and reported as
 * `overlong` (with its size and first 256 bytes). A final line without a newline is
 * still yielded. `\r\n` endings lose their `\r`.
 *
 * @example
 * ```ts
 * for await (const event of readLines(Deno.stdin.readable, 1024)) {
 *   if (event.kind === "line") console.error(event.text);
 * }
 * ```
 */
export async function* readLines(
  readable: ReadableStream<Uint8Array>,
  maxLineBytes: number,
): AsyncGenerator<LineEvent> {
  const decoder = new TextDecoder();
  let parts: Uint8Array[] = [];
  let size = 0;
  let discarding: { bytes: number; head: Uint8Array } | undefined;

  const finish = (): LineEvent => {
    let event: LineEvent;
    if (discarding) {
      event = { kind: "overlong", bytes: discarding.bytes, head: decoder.decode(discarding.head) };
    } else {
      const text = decoder.decode(concat(parts, size));
      event = { kind: "line", text: text.endsWith("\r") ? text.slice(0, -1) : text };
    }
    parts = [];
    size = 0;
    discarding = undefined;
    return event;
  };
  const take = (segment: Uint8Array) => {
    if (segment.length === 0) return;
    if (discarding) {
      discarding.bytes += segment.length;
      return;
    }
    if (size + segment.length > maxLineBytes) {
      const head = concat([...parts, segment], size + segment.length).slice(0, HEAD_BYTES);
      discarding = { bytes: size + segment.length, head };
      parts = [];
      size = 0;
      return;
    }
    parts.push(segment.slice());
    size += segment.length;
  };

  for await (const chunk of readable) {
    let start = 0;
    while (start <= chunk.length) {
      const at = chunk.indexOf(NEWLINE, start);
      if (at < 0) {
        take(chunk.subarray(start));
        break;
      }
      take(chunk.subarray(start, at));
      yield finish();
      start = at + 1;
    }
  }
  if (size > 0 || discarding) yield finish();
}
