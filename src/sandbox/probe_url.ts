/** The outcome of trying to reach a URL from inside the sandbox. */
export type UrlProbe =
  | { readonly outcome: "allowed"; readonly status: number }
  | { readonly outcome: "refused"; readonly error: string }
  | { readonly outcome: "unreachable"; readonly error: string };

const PROBE_TIMEOUT_MS = 3000;

/** Deno raises NotCapable (PermissionDenied before 2.0) when the sandbox refuses. */
function isSandboxRefusal(error: unknown): boolean {
  return error instanceof Error &&
    (error.name === "NotCapable" || error.name === "PermissionDenied");
}

/**
 * Tries `GET url` and tells apart a sandbox refusal from a network failure, so
 * a user can see for themselves what lshml can and cannot reach.
 *
 * @example
 * ```ts
 * await probeUrl("https://example.com/"); // { outcome: "refused", … } under the local-only set
 * ```
 */
export async function probeUrl(url: string, fetchImpl: typeof fetch = fetch): Promise<UrlProbe> {
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
    return { outcome: "allowed", status: response.status };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return isSandboxRefusal(error)
      ? { outcome: "refused", error: message }
      : { outcome: "unreachable", error: message };
  }
}
