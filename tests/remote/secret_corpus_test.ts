import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import { redactSecrets } from "../../src/redact/mod.ts";
import {
  createRemoteClient,
  REMOTE_KEY_FILE,
  type RemoteClient,
  type RemoteTriplet,
} from "../../src/remote/mod.ts";
import { tempDir } from "../_helpers/cli.ts";
import { SECRET_CASES } from "../redact/_corpus.ts";
import { servedHub, type TestHub } from "./_hub.ts";

const embedder = createLocalEmbedder({ dimensions: 512 });

/** A secret typed into a conversation, the way a user pastes one when asking for help. */
function conversation(text: string, n: number) {
  const intent = `my deploy #${n} keeps failing, this is what I have: ${text}`;
  return {
    intent,
    experience: [
      `user: ${intent}`,
      "assistant: the command fails because the credential is rejected; rotate it and retry",
      `user: thanks, that fixed it (${text})`,
    ].join("\n"),
  };
}

function triplet(intent: string, experience: string): RemoteTriplet {
  return {
    intent,
    experience,
    embedding: embedder.embedOne(`${intent}\n${experience}`),
    space: embedder.space,
    q: 0.7,
  };
}

let hub: TestHub & { baseUrl: string };
let client: RemoteClient;
const keyFile = join(tempDir("lshml-home-"), REMOTE_KEY_FILE);
const requests: string[] = [];

beforeAll(async () => {
  hub = servedHub({ rateBurst: 10_000, quotaPerKey: 10_000 });
  client = createRemoteClient({
    baseUrl: hub.baseUrl,
    timeoutMs: 5000,
    keyFile,
    fetch: (input, init) => {
      requests.push(`${init?.method ?? "GET"} ${input} ${String(init?.body ?? "")}`);
      return fetch(input, init);
    },
  });
  await client.register();
});
afterAll(async () => {
  await hub.close();
});

describe(`${SECRET_CASES.length} secret formats typed into conversations never reach the hub`, () => {
  it("the corpus covers at least 40 formats", () => {
    expect(new Set(SECRET_CASES.map((c) => c.format)).size).toBeGreaterThanOrEqual(40);
    expect(new Set(SECRET_CASES.map((c) => c.kind)).size).toBeGreaterThanOrEqual(15);
  });

  it("raw conversations are refused by the client without a single byte sent", async () => {
    const before = requests.length;
    const raw = SECRET_CASES.map((c, n) => conversation(c.text, n));
    const report = await client.ingest(raw.map((c) => triplet(c.intent, c.experience)));
    expect(report.refused).toBe(SECRET_CASES.length);
    expect(requests.length).toBe(before);
  });

  it("sanitised conversations are shared, and a client that skips redaction is refused by the hub", async () => {
    const clean = SECRET_CASES.map((c, n) => {
      const { intent, experience } = conversation(c.text, n);
      return triplet(redactSecrets(intent).text, redactSecrets(experience).text);
    });
    const report = await client.ingest(clean);
    expect(report.refused).toBe(0);
    expect(report.failed).toBe(0);
    expect(report.stored + report.merged).toBe(SECRET_CASES.length);
    expect(report.stored).toBeGreaterThan(SECRET_CASES.length / 2);

    // A client that does not redact at all, straight over HTTP: the hub's own check refuses.
    const key = JSON.parse(readFileSync(keyFile, "utf8")).key;
    const raw = SECRET_CASES.map((c, n) => {
      const { intent, experience } = conversation(c.text, n);
      const t = triplet(intent, experience);
      return { ...t, embedding: Array.from(t.embedding) };
    });
    for (let i = 0; i < raw.length; i += 32) {
      const res = await fetch(`${hub.baseUrl}/memories/ingest`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ triplets: raw.slice(i, i + 32) }),
      });
      const body = await res.json();
      expect(body.results.every((r: { status: string }) => r.status === "rejected")).toBe(true);
    }
  });

  it("the hub's database holds none of the secrets: every row, every file byte", () => {
    const db = new DatabaseSync(hub.dbPath, { readOnly: true });
    const rows: string[] = [];
    for (const table of ["memories", "clients", "hub_meta"]) {
      for (const row of db.prepare(`SELECT * FROM ${table}`).all()) {
        rows.push(JSON.stringify(row, (_k, v) => v instanceof Uint8Array ? undefined : v));
      }
    }
    db.close();
    const text = rows.join("\n");
    expect(text).toContain("[REDACTED_"); // the sanitised lessons are there …
    const files = ["", "-wal", "-shm"].map((suffix) => {
      try {
        return readFileSync(`${hub.dbPath}${suffix}`).toString("latin1");
      } catch (_error) {
        return "";
      }
    }).join("\n");
    const leaks: string[] = [];
    for (const c of SECRET_CASES) {
      for (const secret of c.secrets) {
        if (text.includes(secret)) leaks.push(`${c.format}: row holds ${secret}`);
        // Short fragments ("hunter2") are checked in the rows; raw bytes are checked for the
        // rest (a float blob cannot spell 8 ASCII characters by chance).
        if (secret.length >= 8 && files.includes(secret)) {
          leaks.push(`${c.format}: file bytes hold ${secret}`);
        }
      }
    }
    expect(leaks).toEqual([]); // … and not one secret
  });
});
