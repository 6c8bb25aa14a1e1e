import type { _Rule } from "./_engine.ts";
import { _looksRandom } from "./_values.ts";

/** URL schemes of databases and brokers: their credentials are a connection string's. */
const DATABASE_SCHEMES = new Set([
  "postgres",
  "postgresql",
  "mysql",
  "mysqlx",
  "mariadb",
  "mongodb",
  "mongodb+srv",
  "redis",
  "rediss",
  "amqp",
  "amqps",
  "mssql",
  "sqlserver",
  "oracle",
  "clickhouse",
  "cockroachdb",
  "couchdb",
  "couchbase",
  "neo4j",
  "neo4j+s",
  "bolt",
  "cassandra",
  "memcached",
  "nats",
  "kafka",
  "ldap",
  "ldaps",
  "snowflake",
  "db2",
]);

/**
 * `scheme://userinfo@`: the match starts at `://` (a literal the engine finds fast) and the
 * scheme is read by a look-behind. The userinfo runs to the last `@` before the host, so a
 * password with an unescaped `@` is still covered.
 */
const USERINFO_RULE: _Rule = {
  name: "url-userinfo",
  applies: (probe) => probe.text.includes("://") && probe.text.includes("@"),
  pattern: /(?<=(?:^|[^A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,30})):\/\/([^\s\/?#"'<>]+)@/g,
  redact: (m, _text, ctx) => {
    const scheme = (m[1] ?? "").toLowerCase();
    const userinfo = m[2] ?? "";
    if (userinfo.startsWith("[REDACTED_")) return undefined;
    const colon = userinfo.indexOf(":");
    if (colon < 0) {
      // "git@", "user@": a name, not a credential, unless it is a bare token.
      if (!_looksRandom(userinfo)) return undefined;
    } else {
      const password = userinfo.slice(colon + 1);
      if (password.length === 0 || password.startsWith("[REDACTED_")) return undefined;
    }
    const kind = DATABASE_SCHEMES.has(scheme) ? "CONNECTION_STRING" : "URL_CREDENTIALS";
    return `://${ctx.mark(kind)}@`;
  },
};

/** Incoming-webhook URLs whose path is the secret; host and the fixed path prefix are kept. */
const WEBHOOK_RULE: _Rule = {
  name: "webhook-url",
  applies: (probe) => probe.has("webhook"),
  pattern: new RegExp(
    [
      String.raw`(https?://hooks\.slack\.com/(?:services|workflows|triggers)/)[A-Za-z0-9_/-]+`,
      String.raw`(https?://(?:(?:canary|ptb)\.)?discord(?:app)?\.com/api/webhooks/)\d+/[\w-]+`,
      String.raw`(https://[a-z0-9.-]+\.webhook\.office\.com/webhookb2/)[^\s"'<>]+`,
    ].join("|"),
    "g",
  ),
  redact: (m, _text, ctx) => `${m[1] ?? m[2] ?? m[3] ?? ""}${ctx.mark("WEBHOOK_URL")}`,
};

/**
 * Azure storage / Service Bus / Event Hubs connection strings (`key=value;` pairs) that carry
 * an account key or a shared-access key or signature: the whole string goes. Pairs are joined by
 * a mandatory `;` that no value contains, so the repetition cannot backtrack.
 */
const AZURE_RULE: _Rule = {
  name: "azure-connection-string",
  applies: (probe) => probe.has("azure"),
  pattern:
    /(?<![A-Za-z0-9])(?:DefaultEndpointsProtocol|Endpoint|BlobEndpoint|QueueEndpoint|TableEndpoint|FileEndpoint|AccountName)=[^\s;"']*(?:;[ \t]*[A-Za-z]+=[^\s;"']*)+;?/gi,
  redact: (m, _text, ctx) =>
    /(?:AccountKey|SharedAccessKey|SharedAccessSignature)=[^;\s]/i.test(m[0])
      ? ctx.mark("CONNECTION_STRING")
      : undefined,
};

/** Credentials carried by URLs and connection strings. */
export const _URL_RULES: readonly _Rule[] = [WEBHOOK_RULE, USERINFO_RULE, AZURE_RULE];
