/**
 * Test helper process: takes a lock, says "locked", and holds it until killed
 * or until its stdin closes.
 */
import { acquireLock } from "../../src/store/mod.ts";

const [lockPath, purpose] = Deno.args;
if (!lockPath) throw new TypeError("usage: _lock_holder.ts LOCK_PATH [PURPOSE]");
const lock = await acquireLock(lockPath, purpose ? { purpose } : {});
console.log("locked");
await new Response(Deno.stdin.readable).text();
lock.release();
