import type { RedactionKind } from "../../src/redact/mod.ts";
import { ASSIGNMENT_CASES } from "./_corpus_assignments.ts";
import { CREDENTIAL_CASES } from "./_corpus_credentials.ts";
import { PERSONAL_CASES } from "./_corpus_personal.ts";

/**
 * One secret format: a line holding a fake secret of that format, and a near miss (a line that
 * looks alike but holds no secret) that must come out untouched.
 */
export interface SecretCase {
  /** The format, for test names ("GitHub classic PAT (ghp_)"). */
  readonly format: string;
  /** The placeholder kind the secret must become. */
  readonly kind: RedactionKind;
  /** A line containing the secret. */
  readonly text: string;
  /** Substrings of `text` that must not survive. */
  readonly secrets: readonly string[];
  /** Substrings of `text` that must survive (the context that keeps the line useful). */
  readonly keeps?: readonly string[];
  /** A similar line without a secret: must be returned unchanged. */
  readonly nearMiss: string;
}

/** At least one fake secret of every format lshml promises to remove (the brief's list). */
export const SECRET_CASES: readonly SecretCase[] = [
  ...CREDENTIAL_CASES,
  ...ASSIGNMENT_CASES,
  ...PERSONAL_CASES,
];

/**
 * Ordinary error and log text that must come out byte for byte: file names, error codes, line
 * numbers, HTTP statuses, versions, durations, loopback addresses, and the documented keeps —
 * commit SHAs, UUID request ids, digests and base64 payloads without a secret word before them.
 */
export const ORDINARY_LINES: readonly string[] = [
  "ENOENT: no such file or directory, open '/srv/app/config.yaml'",
  "HTTP 429 after 2000ms",
  "lshml v2.9.6 (deno 2.9.6, v8 15.0.245.2-rusty, typescript 6.0.3)",
  "    at foo (file.ts:12:5)",
  "    at Object.<anonymous> (/srv/app/dist/index.js:42:17)",
  "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 pushed to main",
  "request 550e8400-e29b-41d4-a716-446655440000 failed with 503 Service Unavailable",
  "GET /v1/chat/completions 200 in 1532ms",
  "ECONNREFUSED 127.0.0.1:11434",
  "listen EADDRINUSE: address already in use 0.0.0.0:8420",
  "TypeError: Cannot read properties of undefined (reading 'map')",
  "2024-01-31T12:00:00.123Z ERROR worker 3 exited with code 137",
  "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0 euid=0",
  "E11000 duplicate key error collection: app.users index: email_1 dup key: { email: null }",
  "npm ERR! 404 'left-pad@1.3.0' is not in this registry.",
  "Error: connect ETIMEDOUT after 30000ms (attempt 3/5)",
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "usage: prompt_tokens=1532 completion_tokens=211 total_tokens=1743",
  "max_tokens must be <= 4096",
  "Invalid API key format (expected sk-...)",
  "Rate limit exceeded: 60 requests per 60s; retry after 12.5s",
  "WARN deprecated: use --token-file instead of --token",
  'FATAL: password authentication failed for user "postgres" (SQLSTATE 28P01)',
  "Permission denied (publickey,password).",
  "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0.6099.109 Safari/537.36",
  "image node@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 pulled",
  "ssh: connect to host github.com port 22: Connection timed out",
  "pid 12345 killed by signal 9 (SIGKILL) after 300000ms",
  "Disk /dev/sda1 is 98% full (49.1G/50G)",
  "HRESULT 0x80070005 access denied; errno -4058",
  "12:30:45.123 [main] INFO  Starting server on port 8420",
  "错误：无法连接到服务器（超时 30 秒）",
  "パスワードが違います",
  "密码错误，请重试",
  "tests: 42 passed, 0 failed (pass: 42)",
  "keyboard layout: us",
  "cache key users:42 missed",
  "Set secret 'db-password' in the vault, then retry",
  "see https://docs.example.com/auth/tokens#rotation",
  "block blk_-1608999687919862906 replicated (size 67108864)",
  "invalid token: expired",
  "token_type=bearer expires_in=3600",
  "Authorization header missing",
  "gpg: signing failed: No secret key",
  "version 1.2.3.4 installed",
  "at async Promise.all (index 0) 3.2s",
];
