/**
 * A validation command that never finishes: it starts a grandchild (`sleep`), writes the
 * grandchild's pid to the file named by its first argument, then waits forever. The test
 * checks that the timeout killed both.
 */
const [pidFile = "hang.pid"] = Deno.args;
const grandchild = new Deno.Command("sleep", { args: ["300"], stdout: "null", stderr: "null" })
  .spawn();
Deno.writeTextFileSync(pidFile, String(grandchild.pid));
await new Promise(() => setInterval(() => {}, 1_000));
