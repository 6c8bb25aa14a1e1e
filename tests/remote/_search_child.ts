/**
 * A process that searches a hub once and prints what the client logged (for the sandbox test):
 * `deno run <flags> _search_child.ts <baseUrl> <keyFile>`.
 */
import { createRemoteClient, writeKeyFile } from "../../src/remote/mod.ts";

const [baseUrl, keyFile] = Deno.args as [string, string];
await writeKeyFile(keyFile, {
  version: 1,
  base_url: baseUrl,
  request_key_id: `rk_${"0".repeat(24)}`,
  key: `lshk_${"A".repeat(43)}`,
  registered_at: "2026-01-01T00:00:00.000Z",
});
const lines: string[] = [];
const client = createRemoteClient({ baseUrl, timeoutMs: 2000, keyFile, log: (l) => lines.push(l) });
const found = await client.search(new Float32Array(16).fill(0.25), "local:hash-ngram:v1:16");
console.log(JSON.stringify({ found, lines }));
