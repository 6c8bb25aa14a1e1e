import { describe, expect, it } from "vitest";
import { isErrorSignal, TranscriptExtractor } from "../../src/signals/mod.ts";

const ERROR = {
  status: "error",
  tool: "read",
  error: "File not found: /srv/app/config/app.yaml.",
};

/** A read failure as OpenClaw 2026.9 records it; `withDetails` false is how hooks carry it. */
function readFailure(withDetails: boolean) {
  return {
    type: "message",
    message: {
      role: "toolResult",
      toolCallId: "call1",
      toolName: "read",
      content: [{ type: "text", text: JSON.stringify(ERROR, null, 2) }],
      ...(withDetails ? { details: ERROR } : {}),
      isError: true,
    },
  };
}

function errorTexts(event: unknown) {
  const result = new TranscriptExtractor().extract(event, {
    sourceId: "t",
    session: "s",
    position: 0,
  });
  if (!result.ok) throw new Error("not extracted");
  return result.signals.filter(isErrorSignal).map((s) => s.errorText);
}

describe("TranscriptExtractor: an OpenClaw tool's JSON error envelope", () => {
  it("gives the same error line with or without the `details` copy (scanner and live healing agree)", () => {
    expect(errorTexts(readFailure(true))).toEqual([
      "read: File not found: /srv/app/config/app.yaml.",
    ]);
    expect(errorTexts(readFailure(false))).toEqual(errorTexts(readFailure(true)));
  });

  it("reads ordinary JSON output that is no error envelope as output", () => {
    const event = readFailure(false);
    event.message.content = [{ type: "text", text: '{"status":"ok","rows":3}' }];
    event.message.isError = false;
    expect(errorTexts(event)).toEqual([]);
  });
});
