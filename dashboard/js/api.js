/**
 * Talking to the dashboard's own API (same origin only: the Content-Security-Policy allows nothing
 * else). State-changing requests carry the per-process CSRF token from `/api/session`.
 *
 * @module
 */

/** An answer that was not 2xx, with the server's message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

let csrfToken = "";

/** Remembers the CSRF token the session gave. */
export function useCsrfToken(token) {
  csrfToken = token;
}

async function answer(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.error ?? `HTTP ${response.status}`);
  return body;
}

function url(path, params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** GET a JSON resource. */
export async function get(path, params) {
  return await answer(await fetch(url(path, params), { headers: { Accept: "application/json" } }));
}

/** POST / DELETE with the CSRF token (the browser adds the Origin header). */
export async function send(method, path, params, body) {
  const headers = { Accept: "application/json", "X-CSRF-Token": csrfToken };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
  return await answer(await fetch(url(path, params), init));
}
