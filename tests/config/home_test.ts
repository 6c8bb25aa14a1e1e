import { describe, expect, it } from "vitest";
import { expandPath, resolveHome } from "../../src/config/mod.ts";

describe("resolveHome()", () => {
  const base = { env: { HOME: "/home/me" }, cwd: "/work" };

  it("prefers --home, then LSHML_HOME, then the checkout, then ~/.lshml", () => {
    expect(resolveHome({ ...base, flag: "data", env: { ...base.env, LSHML_HOME: "/e" } }))
      .toEqual({ dir: "/work/data", source: "flag" });
    expect(resolveHome({ ...base, env: { ...base.env, LSHML_HOME: "~/e" }, checkoutDir: "/c" }))
      .toEqual({ dir: "/home/me/e", source: "env" });
    expect(resolveHome({ ...base, checkoutDir: "/c" })).toEqual({ dir: "/c", source: "checkout" });
    expect(resolveHome(base)).toEqual({ dir: "/home/me/.lshml", source: "default" });
  });

  it("expands ~ and refuses to guess when HOME is unset", () => {
    expect(expandPath("~/.openclaw", base)).toBe("/home/me/.openclaw");
    expect(() => expandPath("~/x", { env: {}, cwd: "/" })).toThrow(/HOME is not set/);
  });
});
