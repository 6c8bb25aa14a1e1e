import { ROOT } from "../_helpers/cli.ts";

/** A real `lshml hub serve` process. */
export interface HubProcess {
  readonly baseUrl: string;
  readonly port: number;
  /** SIGTERM, then the exit code and everything the process wrote on stderr. */
  stop(): Promise<{ code: number; stderr: string }>;
}

/**
 * Starts `deno run <flags> main.ts <args> hub serve --port 0 --json …` and waits for the line
 * that says where it listens. Fails with the process's stderr when it exits first.
 */
export async function startHubProcess(
  args: readonly string[],
  flags: readonly string[] = ["-A"],
): Promise<HubProcess> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", ...flags, `${ROOT}main.ts`, ...args, "--port", "0", "--json"],
    cwd: ROOT,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).spawn();
  const stderr = new Response(child.stderr).text();
  const lines = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  while (!buffered.includes("\n")) {
    const { value, done } = await lines.read();
    if (done) {
      const status = await child.status;
      throw new Error(`hub serve exited with ${status.code} before listening:\n${await stderr}`);
    }
    buffered += value;
  }
  // Keep draining stdout so the child never blocks on a full pipe.
  (async () => {
    while (!(await lines.read()).done) { /* discard */ }
  })().catch(() => undefined);
  const first = JSON.parse(buffered.split("\n")[0]!) as { listening: { port: number } };
  const port = first.listening.port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    async stop() {
      try {
        child.kill("SIGTERM");
      } catch (_error) {
        // already gone; its status says how
      }
      const status = await child.status;
      return { code: status.code, stderr: await stderr };
    },
  };
}
