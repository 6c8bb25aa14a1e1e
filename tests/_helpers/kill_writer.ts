/**
 * Runs a writer script (`deno run -A script ...args`) until it prints `ready`, lets it work for
 * a random moment of up to `maxDelayMs`, kills it with SIGKILL, and returns every line it
 * printed (its acknowledgements among them): the harness of the kill -9 tests.
 */
export async function killWriter(
  script: string,
  args: readonly string[],
  maxDelayMs: number,
): Promise<string[]> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", "-A", script, ...args],
    stdout: "piped",
    stderr: "null",
  }).spawn();
  let text = "";
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  while (!text.includes("ready\n")) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  await new Promise((r) => setTimeout(r, Math.random() * maxDelayMs));
  child.kill("SIGKILL");
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  await child.status;
  return text.split("\n");
}
