/**
 * One JSON request to the hub with a deadline and a size cap (private to the client). The
 * deadline holds even against a server that sends headers and then trickles its body: the
 * request is aborted and the promise settles when time is up, whatever the fetch does.
 */
import { hostPort } from "../../sandbox/mod.ts";
import { RemoteError } from "./remote_error.ts";

/** How to send one request. */
export interface RequestOptions {
  readonly fetch: typeof fetch;
  readonly method: "GET" | "POST";
  readonly url: string;
  readonly body?: unknown;
  readonly key?: string;
  readonly deadlineMs: number;
  readonly maxBytes: number;
}

function isNotCapable(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown };
  return e?.name === "NotCapable" || e?.name === "PermissionDenied" ||
    (typeof e?.message === "string" && e.message.includes("Requires net access"));
}

/** Reads at most `max` bytes of a body; more fails (and cancels the rest). */
async function readCapped(response: Response, max: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "NaN");
  if (declared > max) {
    await response.body?.cancel();
    throw new RemoteError("too_large", `the hub's answer is ${declared} bytes (limit ${max})`);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new RemoteError("too_large", `the hub's answer exceeds ${max} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

async function exchange(options: RequestOptions, signal: AbortSignal): Promise<unknown> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let response: Response;
  try {
    response = await options.fetch(options.url, {
      method: options.method,
      headers,
      signal,
      redirect: "error",
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch (error) {
    if (isNotCapable(error)) {
      const host = hostPort(options.url);
      throw new RemoteError(
        "not_granted",
        `the sandbox does not grant network access to the hub ${host} (remote.enabled is on): ` +
          `add ${host} to --allow-net (\`lshml sandbox\` prints the complete flags)`,
        { cause: error },
      );
    }
    if (signal.aborted) throw new RemoteError("timeout", "the hub did not answer in time");
    throw new RemoteError("network", `cannot reach the hub: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let text: string;
  try {
    text = await readCapped(response, options.maxBytes);
  } catch (error) {
    if (error instanceof RemoteError) throw error;
    throw new RemoteError("network", "the hub's answer broke off", { cause: error });
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("retry-after") ?? "NaN");
    throw new RemoteError("http", `the hub answered ${response.status}`, {
      status: response.status,
      ...(Number.isFinite(retryAfter) ? { retryAfterS: retryAfter } : {}),
    });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new RemoteError("bad_response", "the hub's answer is not JSON", { cause });
  }
}

/**
 * Sends one request and returns the parsed JSON answer. Settles within `deadlineMs` (then it
 * fails with code `timeout` and the request is aborted).
 *
 * @throws {RemoteError} on any failure.
 */
export function requestJson(options: RequestOptions): Promise<unknown> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new RemoteError("timeout", `the hub did not answer within ${options.deadlineMs} ms`));
    }, Math.max(0, options.deadlineMs));
  });
  const work = exchange(options, controller.signal);
  // The loser of the race must not surface as an unhandled rejection.
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
