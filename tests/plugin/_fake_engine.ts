/**
 * A misbehaving stand-in for `lshml agent serve --stdio`, to prove how the plugin's bridge
 * copes with engines that are slow, crash, refuse or die. It speaks the real protocol.
 *
 *   deno run -A tests/plugin/_fake_engine.ts <mode> [arg]
 *
 * Modes: ok | slow MS (hooks answered after MS ms) | crash-on-hook (exit 3 on the first
 * hook) | crash-once FILE (crash on the first hook unless FILE exists; creates it) |
 * refuse CODE (init answered with that error; SANDBOX_MISSING comes with --allow-env) |
 * exit (exit 1 before reading anything) | chatty (stray stdout and stderr lines).
 *
 * @module
 */
const [mode = "ok", arg = ""] = Deno.args;
const encoder = new TextEncoder();
const write = (value: unknown) =>
  Deno.stdout.writeSync(encoder.encode(`${JSON.stringify(value)}\n`));

if (mode === "exit") Deno.exit(1);

function crashNow(): boolean {
  if (mode === "crash-on-hook") return true;
  if (mode !== "crash-once") return false;
  try {
    Deno.statSync(arg);
    return false;
  } catch {
    Deno.writeTextFileSync(arg, "crashed once");
    return true;
  }
}

let buffer = "";
for await (const chunk of Deno.stdin.readable.pipeThrough(new TextDecoderStream())) {
  buffer += chunk;
  let at: number;
  while ((at = buffer.indexOf("\n")) >= 0) {
    const request = JSON.parse(buffer.slice(0, at));
    buffer = buffer.slice(at + 1);
    if (request.type === "init") {
      if (mode === "refuse") {
        const flags = arg === "SANDBOX_MISSING" ? { flags: ["--allow-env"] } : {};
        write({
          id: request.id,
          ok: false,
          error: { code: arg, message: `fake ${arg}`, ...flags },
        });
        continue;
      }
      if (mode === "chatty") {
        Deno.stdout.writeSync(encoder.encode("a stray line on stdout\n"));
        Deno.stderr.writeSync(encoder.encode("a line on stderr\n"));
      }
      write({
        id: request.id,
        ok: true,
        result: { home: "/fake/home" },
        logs: ["fake: initialized"],
      });
      continue;
    }
    if (crashNow()) Deno.exit(3);
    const answer = {
      id: request.id,
      ok: true,
      result: { prependContext: `fake answer to ${request.hook}`, toolsAllow: ["exec"] },
      logs: [`fake: ${request.hook} answered`],
    };
    if (mode === "slow") setTimeout(() => write(answer), Number(arg));
    else write(answer);
  }
}
