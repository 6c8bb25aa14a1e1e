import { readdirSync } from "node:fs";
import { chmod, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { loadOrCreateToken, sameSecret, tokenPath } from "../../src/server/mod.ts";

const tempHome = () => Deno.makeTempDirSync({ prefix: "lshml-token-test-" });

describe("loadOrCreateToken()", () => {
  it("creates a 256-bit token readable only by the owner, then keeps it", async () => {
    const path = tokenPath(tempHome());
    const first = await loadOrCreateToken(path);
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const second = await loadOrCreateToken(path);
    expect(second).toMatchObject({ token: first.token, created: false, narrowed: false });
  });

  it("agrees on one token when two dashboards start at once", async () => {
    const path = tokenPath(tempHome());
    const all = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateToken(path)));
    expect(new Set(all.map((t) => t.token)).size).toBe(1);
    expect(all.filter((t) => t.created)).toHaveLength(1);
    expect(readdirSync(dirname(path))).toEqual(["dashboard-token"]); // no temporary left
  });

  it("narrows a token file others could read to 0600", async () => {
    const path = tokenPath(tempHome());
    await loadOrCreateToken(path);
    await chmod(path, 0o644);
    expect((await loadOrCreateToken(path)).narrowed).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("refuses a file that holds no token instead of trusting it", async () => {
    const path = tokenPath(tempHome());
    await loadOrCreateToken(path);
    await writeFile(path, "1234\n");
    await expect(loadOrCreateToken(path)).rejects.toThrow(SyntaxError);
  });
});

describe("sameSecret()", () => {
  it("accepts only the exact secret", () => {
    expect(sameSecret("abc", "abc")).toBe(true);
    expect(sameSecret("abd", "abc")).toBe(false);
    expect(sameSecret("ab", "abc")).toBe(false);
    expect(sameSecret("abcd", "abc")).toBe(false);
    expect(sameSecret("", "abc")).toBe(false);
  });
});
