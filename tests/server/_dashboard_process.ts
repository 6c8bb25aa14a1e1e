import { ROOT } from "../_helpers/cli.ts";

/** A free TCP port on loopback (closed again, so a child can bind it). */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** The module cache of this Deno, so children reuse it after HOME changes. */
function denoDir(): string {
  const xdg = Deno.env.get("XDG_CACHE_HOME");
  return Deno.env.get("DENO_DIR") ?? (xdg ? `${xdg}/deno` : `${Deno.env.get("HOME")}/.cache/deno`);
}

/** A real `lshml dashboard` process. */
export interface DashboardProcess {
  /** Everything it printed on stdout so far. */
  readonly output: () => string;
  readonly stderr: () => string;
  /** Settles with the exit code when the process ends. */
  readonly exited: Promise<number>;
  /** Sends SIGTERM (as a service manager would) and waits for the exit code. */
  stop(): Promise<number>;
}

/** The sandbox flags that let `lshml dashboard` use `home` and serve on `host:port`. */
export function sandboxFlags(home: string, port: number, host = "127.0.0.1"): string[] {
  return [
    "-P",
    `--allow-read=${ROOT},${home}`,
    `--allow-write=${home}`,
    `--allow-net=${host}:${port}`,
  ];
}

/**
 * Starts `deno run <flags> main.ts <args>` (or, with `command: "task"`, `deno <args>` as given,
 * e.g. `task start dashboard`) and resolves once it printed `Ctrl-C stops it.` (it is serving)
 * or exited (it refused to start).
 */
export async function startDashboard(
  args: readonly string[],
  options: {
    readonly flags: readonly string[];
    readonly env?: Record<string, string>;
    readonly command?: "run" | "task";
  },
): Promise<DashboardProcess> {
  const childHome = Deno.makeTempDirSync({ prefix: "lshml-dashboard-user-" });
  const child = new Deno.Command(Deno.execPath(), {
    args: options.command === "task"
      ? [...args]
      : ["run", "--quiet", ...options.flags, `${ROOT}main.ts`, ...args],
    cwd: ROOT,
    clearEnv: true,
    env: {
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
      HOME: childHome,
      NO_COLOR: "1",
      DENO_DIR: denoDir(),
      ...options.env,
    },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let out = "";
  let err = "";
  let ready: () => void = () => {};
  const started = new Promise<void>((resolve) => (ready = resolve));
  const decoder = new TextDecoder();
  const pump = async (stream: ReadableStream<Uint8Array>, add: (text: string) => void) => {
    for await (const chunk of stream) add(decoder.decode(chunk, { stream: true }));
  };
  const outDone = pump(child.stdout, (text) => {
    out += text;
    if (out.includes("Ctrl-C stops it.")) ready();
  });
  const errDone = pump(child.stderr, (text) => (err += text));
  const exited = child.status.then(async (status) => {
    await Promise.all([outDone, errDone]);
    ready();
    return status.code;
  });
  await started;
  return {
    output: () => out,
    stderr: () => err.split("\n").filter((l) => !l.includes("experimental feature")).join("\n"),
    exited,
    async stop() {
      try {
        child.kill("SIGTERM");
      } catch {
        // already exited: its code is what we want
      }
      return await exited;
    },
  };
}
