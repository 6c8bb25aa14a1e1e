import { chmodSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLocalEmbedder } from "../../src/embed/mod.ts";
import {
  createRemoteClient,
  readKeyFile,
  REMOTE_KEY_FILE,
  type RemoteClient,
  serveHub,
} from "../../src/remote/mod.ts";
import { tempDir } from "../_helpers/cli.ts";
import { servedHub, type TestHub, testHub } from "./_hub.ts";

const embedder = createLocalEmbedder({ dimensions: 512 });
const embed = (text: string) => embedder.embedOne(text);
const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

function hub(): TestHub & { baseUrl: string } {
  const served = servedHub();
  closing.push(served.close);
  return served;
}

/** A client for a fresh home; counts the HTTP requests it makes. */
function clientFor(baseUrl: string, home = tempDir("lshml-home-")) {
  const calls: string[] = [];
  const log: string[] = [];
  const client = createRemoteClient({
    baseUrl,
    timeoutMs: 3000,
    keyFile: join(home, REMOTE_KEY_FILE),
    fetch: (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    },
    log: (line) => log.push(line),
  });
  closing.push(() => client.flush(5000));
  return { client, home, calls, log };
}

const LESSON = {
  intent: "npm install -g fails with EACCES permission denied",
  experience: "Install global packages under a user prefix: npm config set prefix " +
    "[REDACTED_PATH]/.npm-global, put its bin on PATH, and never run sudo npm.",
};

async function search(client: RemoteClient, text: string, space = embedder.space) {
  return await client.search(embed(text), space, { k: 5, budgetMs: 2000, minSimilarity: 0.2 });
}

describe("client and hub over real HTTP on loopback", () => {
  it("two homes share a lesson: one ingests it, the other's search finds it in the same space only", async () => {
    const { baseUrl, store } = hub();
    const a = clientFor(baseUrl);
    const b = clientFor(baseUrl);
    const { requestKeyId } = await a.client.register();
    const report = await a.client.ingest([{
      ...LESSON,
      embedding: embed(`${LESSON.intent}\n${LESSON.experience}`),
      space: embedder.space,
      q: 0.8,
    }]);
    expect(report).toMatchObject({ stored: 1, refused: 0, failed: 0 });

    await b.client.register();
    const found = await search(
      b.client,
      "npm install permission denied EACCES when installing globally",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      source: "remote",
      untrusted: true,
      space: embedder.space,
      intent: LESSON.intent,
      experience: LESSON.experience,
      contributor: requestKeyId,
      flags: [],
    });
    expect(found[0]!.similarity).toBeGreaterThan(0.3);
    expect(found[0]!.q).toBeCloseTo(0.4, 6);

    const other = createLocalEmbedder({ dimensions: 256 });
    const elsewhere = await b.client.search(
      other.embedOne("npm install permission denied EACCES"),
      other.space,
      { budgetMs: 2000 },
    );
    expect(elsewhere).toEqual([]);

    b.client.feedback([found[0]!.id], 1);
    await b.client.flush(5000);
    const [record] = await store.records([found[0]!.id]);
    expect(record).toMatchObject({ uses: 1 });
    expect(record!.q).toBeCloseTo(0.4 + 0.3 * (1 - 0.4), 6);
    expect(b.client.stats().feedback).toMatchObject({ sent: 1, failed: 0, dropped: 0 });
  });

  it("registers once: the key file is mode 0600 and later clients send no registration", async () => {
    const { baseUrl, store } = hub();
    const first = clientFor(baseUrl);
    const { requestKeyId } = await first.client.register();
    await first.client.register();
    const file = join(first.home, REMOTE_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await readKeyFile(file))?.request_key_id).toBe(requestKeyId);
    const again = clientFor(baseUrl, first.home);
    expect((await again.client.register()).requestKeyId).toBe(requestKeyId);
    expect(again.calls).toEqual([]);
    expect(first.calls.filter((url) => url.endsWith("/clients/register"))).toHaveLength(1);
    expect((await store.counts()).clients).toBe(1);

    chmodSync(file, 0o644);
    const warnings: string[] = [];
    await readKeyFile(file, (line) => warnings.push(line));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings[0]).toContain("readable by others");
  });

  it("registers again when the hub no longer knows the key", async () => {
    let current = testHub();
    const served = serveHub({ fetch: (req, env) => current.app.fetch(req, env) }, {
      hostname: "127.0.0.1",
      port: 0,
    });
    closing.push(async () => {
      await served.shutdown();
      await current.close();
    });
    const baseUrl = `http://127.0.0.1:${served.port}/v1`;
    const { client, log } = clientFor(baseUrl);
    const first = await client.register();
    const old = current;
    current = testHub(); // a hub whose database was reset
    await old.close();
    const report = await client.ingest([{
      ...LESSON,
      embedding: embed(LESSON.experience),
      space: embedder.space,
      q: 0.5,
    }]);
    expect(report.stored).toBe(1);
    expect((await client.register()).requestKeyId).not.toBe(first.requestKeyId);
    expect(log.some((line) => line.includes("registering again"))).toBe(true);
  });

  it("refuses to send a triplet that still holds a secret, without any request", async () => {
    const { baseUrl } = hub();
    const { client, calls } = clientFor(baseUrl);
    const report = await client.ingest([{
      intent: "deploy",
      experience: "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY and retry",
      embedding: embed("deploy"),
      space: embedder.space,
      q: 0.5,
    }, {
      intent: "write to alice@corp.example.com",
      experience: "send the report",
      embedding: embed("report"),
      space: embedder.space,
      q: 0.5,
    }]);
    expect(report).toMatchObject({ refused: 2, stored: 0 });
    expect(calls).toEqual([]);
  });
});
