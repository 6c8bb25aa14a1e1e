import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { acquireLock, LockTimeoutError, tryLock, withLock } from "../../src/store/mod.ts";
import { tempDir } from "../_helpers/cli.ts";

const HOLDER = fileURLToPath(new URL("./_lock_holder.ts", import.meta.url));

/** Starts a real process holding the lock; resolves once it holds it. */
async function holdInAnotherProcess(lockPath: string, purpose?: string) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", "-A", HOLDER, lockPath, ...(purpose ? [purpose] : [])],
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  const { value } = await reader.read();
  expect(value).toContain("locked");
  reader.releaseLock();
  return child;
}

describe("cross-process locks", () => {
  it("serialises critical sections inside one process", async () => {
    const lockPath = join(tempDir(), "x.lock");
    const order: string[] = [];
    await Promise.all([1, 2, 3].map((n) =>
      withLock(lockPath, async () => {
        order.push(`in${n}`);
        await new Promise((r) => setTimeout(r, 5));
        order.push(`out${n}`);
      })
    ));
    expect(order).toEqual(["in1", "out1", "in2", "out2", "in3", "out3"]);
  });

  it("excludes another process, and times out naming the holder", async () => {
    const lockPath = join(tempDir(), "x.lock");
    const child = await holdInAnotherProcess(lockPath, "evolution cycle");
    try {
      expect(await tryLock(lockPath)).toBeUndefined();
      const error = await acquireLock(lockPath, { timeoutMs: 100 }).catch((e) => e);
      expect(error).toBeInstanceOf(LockTimeoutError);
      expect((error as Error).message).toContain(`pid ${child.pid} (evolution cycle)`);
    } finally {
      await child.stdin.close();
      await child.status;
    }
    const lock = await tryLock(lockPath);
    expect(lock).toBeDefined();
    lock?.release();
  });

  it("is free the moment a holder is killed with SIGKILL: no stale lock", async () => {
    const lockPath = join(tempDir(), "x.lock");
    const child = await holdInAnotherProcess(lockPath);
    expect(await tryLock(lockPath)).toBeUndefined();
    child.kill("SIGKILL");
    await child.status;
    const lock = await acquireLock(lockPath, { timeoutMs: 1000 });
    lock.release();
  });

  it("waits for a holder that lets go within the timeout", async () => {
    const lockPath = join(tempDir(), "x.lock");
    const first = await acquireLock(lockPath);
    setTimeout(() => first.release(), 30);
    const second = await acquireLock(lockPath, { timeoutMs: 2000 });
    second.release();
  });
});
