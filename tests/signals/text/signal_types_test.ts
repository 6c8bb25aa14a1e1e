import { describe, expect, it } from "vitest";
import { isSignalType, LANGS, SIGNAL_TYPES } from "../../../src/signals/text/mod.ts";

describe("SIGNAL_TYPES", () => {
  it("lists the 19 types of DESIGN §6.1 once each", () => {
    expect(SIGNAL_TYPES).toHaveLength(19);
    expect(new Set(SIGNAL_TYPES).size).toBe(19);
  });

  it("isSignalType() accepts exactly those names", () => {
    for (const type of SIGNAL_TYPES) expect(isSignalType(type)).toBe(true);
    expect(isSignalType("timeout ")).toBe(false);
    expect(isSignalType("error")).toBe(false);
  });

  it("LANGS are the four pattern languages as BCP 47 tags", () => {
    expect(LANGS).toEqual(["en", "zh-Hans", "zh-Hant", "ja"]);
  });
});
