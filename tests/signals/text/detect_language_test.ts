import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../src/signals/text/mod.ts";
import { HANS_ONLY, HANT_ONLY, JA_ONLY } from "../../../src/signals/text/_han_variants.ts";
import { FEEDBACK } from "./_corpus.ts";

describe("detectLanguage()", () => {
  it.each([
    ["connection timed out after 30s", "en"],
    ["ファイルが見つかりません", "ja"],
    ["権限不足", "ja"], // kanji only, but 権 is a Japanese form
    ["连接超时，请稍后再试", "zh-Hans"],
    ["連線逾時，請稍後再試", "zh-Hant"],
    ["網絡連接失敗", "zh-Hant"],
    ["错误：无法写入日志文件", "zh-Hans"],
    ["錯誤：無法寫入記錄檔", "zh-Hant"],
    ["Соединение прервано", "other"],
    ["연결 시간이 초과되었습니다", "other"],
    ["12345 -- !!", "other"],
    ["", "other"],
  ])("reads %j as %s", (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it("goes with the script that carries more of a mixed text", () => {
    expect(detectLanguage("Error: ENOENT 找不到文件")).toBe("zh-Hans");
    expect(detectLanguage("The deploy failed with a long English explanation, 失败")).toBe("en");
  });

  it("does not take a Japanese word quoted in Chinese for Japanese", () => {
    expect(detectLanguage("我最喜欢的游戏是ポケモン，这个系列已经出了很多代了，每一代都很好玩"))
      .toBe(
        "zh-Hans",
      );
  });

  it("takes Han text with no telling characters as Simplified Chinese", () => {
    expect(detectLanguage("完美")).toBe("zh-Hans");
  });

  it("agrees with the language of every feedback example that has a telling character", () => {
    const telling = new Set([...HANS_ONLY, ...HANT_ONLY, ...JA_ONLY]);
    const wrong = FEEDBACK.filter((row) =>
      /[a-z\u3040-\u30ff]/i.test(row.text) || [...row.text].some((c) => telling.has(c))
    ).filter((row) => detectLanguage(row.text) !== row.lang)
      .map((row) => `${row.text} → ${detectLanguage(row.text)}`);
    expect(wrong).toEqual([]);
  });

  it("uses disjoint lists of Simplified, Traditional and Japanese-only characters", () => {
    const hans = new Set(HANS_ONLY);
    const hant = new Set(HANT_ONLY);
    const ja = new Set(JA_ONLY);
    const shared = [...hans].filter((c) => hant.has(c) || ja.has(c))
      .concat([...hant].filter((c) => ja.has(c)));
    expect(shared).toEqual([]);
  });
});
