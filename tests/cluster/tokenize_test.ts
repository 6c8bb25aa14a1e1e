import { describe, expect, it } from "vitest";
import { formatTemplate, tokenize } from "../../src/cluster/mod.ts";

describe("tokenize()", () => {
  it("splits on any run of whitespace", () => {
    expect(tokenize("  a\tb   c \n")).toEqual(["a", "b", "c"]);
  });

  it("collapses a run of identical variable tokens so id lists of any length look alike", () => {
    expect(tokenize("delete blk_<*> blk_<*> blk_<*> now")).toEqual(["delete", "blk_<*>", "now"]);
    expect(tokenize("delete blk_<*> now")).toEqual(["delete", "blk_<*>", "now"]);
  });

  it("keeps repeated constant words", () => {
    expect(tokenize("Bye Bye")).toEqual(["Bye", "Bye"]);
  });

  it("splits Chinese and Japanese text into characters and keeps Latin words whole", () => {
    expect(tokenize("文件不存在: <*>")).toEqual(["文", "件", "不", "存", "在", ":", "<*>"]);
    expect(tokenize("ファイルが見つかりません")).toHaveLength(12);
    expect(tokenize("错误：timeout")).toEqual(["错", "误", "：", "timeout"]);
  });

  it("returns no tokens for an empty line", () => {
    expect(tokenize("   ")).toEqual([]);
  });
});

describe("formatTemplate()", () => {
  it("joins tokens with spaces, but not next to CJK characters", () => {
    expect(formatTemplate(["Invalid", "user", "<*>"])).toBe("Invalid user <*>");
    expect(formatTemplate(["连", "接", "超", "时", "<*>", "次"])).toBe("连接超时<*>次");
  });
});
