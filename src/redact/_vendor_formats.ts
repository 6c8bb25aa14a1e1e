import type { RedactionKind } from "./redaction_kind.ts";

/** One vendor token format: its kind, its pattern, and an optional extra check. */
export interface _Format {
  readonly name: string;
  readonly kind: RedactionKind;
  /** The pattern, with its own boundaries; non-capturing groups only. */
  readonly source: string;
  /** Extra check on the whole match, for prefixes that also start ordinary words. */
  readonly valid?: (match: string) => boolean;
}

/** Not followed by more of the token (each format starts at a word boundary, see below). */
const END = "(?![A-Za-z0-9])";

/** Generated keys have few `-`/`_` (the bound `_looksRandom` uses); hyphenated names have more. */
const MAX_SEPARATOR_SHARE = 0.15;

/** Letters and digits, and few separators: a generated key rather than a hyphenated name. */
function _randomish(match: string, skip: number): boolean {
  const body = match.slice(skip);
  const separators = body.match(/[-_]/g)?.length ?? 0;
  return /\d/.test(body) && /[A-Za-z]/.test(body) &&
    separators / body.length <= MAX_SEPARATOR_SHARE;
}

/**
 * Vendor formats with a fixed prefix or shape, most specific first. Sources: each vendor's
 * documentation of its key format and the patterns of gitleaks / GitHub secret scanning.
 */
export const _VENDOR_FORMATS: readonly _Format[] = [
  {
    name: "jwt",
    kind: "JWT",
    source: String.raw`eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*`,
  },
  {
    name: "anthropic",
    kind: "API_KEY",
    source: String.raw`sk-ant-[A-Za-z0-9_-]{20,}`,
  },
  {
    // OpenAI (sk-…, sk-proj-…, sk-svcacct-…, sk-admin-…) and the many OpenAI-compatible
    // providers that copied the prefix (OpenRouter sk-or-v1-…, DeepSeek, Moonshot, …).
    name: "openai",
    kind: "API_KEY",
    source: String.raw`sk-[A-Za-z0-9][A-Za-z0-9_-]{19,}`,
    valid: (m) => _randomish(m, 3),
  },
  { name: "groq", kind: "API_KEY", source: `gsk_[A-Za-z0-9]{40,}` },
  { name: "xai", kind: "API_KEY", source: `xai-[A-Za-z0-9]{40,}` },
  { name: "replicate", kind: "API_KEY", source: `r8_[A-Za-z0-9]{30,}` },
  {
    name: "perplexity",
    kind: "API_KEY",
    source: `pplx-[A-Za-z0-9]{40,}`,
  },
  {
    name: "aws-access-key-id",
    kind: "API_KEY",
    source: `(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}${END}`,
  },
  {
    name: "google-api-key",
    kind: "API_KEY",
    source: `AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])`,
  },
  {
    name: "github",
    kind: "TOKEN",
    source: `gh[pousr]_[A-Za-z0-9]{36,255}${END}`,
  },
  {
    name: "github-fine-grained",
    kind: "TOKEN",
    source: `github_pat_[A-Za-z0-9_]{22,255}`,
  },
  {
    name: "gitlab",
    kind: "TOKEN",
    source: `gl(?:pat|dt|rt|ptt|cbt|oas|soat|ft)-[A-Za-z0-9_-]{20,}`,
  },
  {
    name: "slack",
    kind: "TOKEN",
    source: String.raw`(?:xox[abposre]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,})`,
    valid: (m) => /\d/.test(m.slice(5)),
  },
  {
    // Publishable keys (pk_…) are public by design but name the account; redacting them costs
    // nothing, and one rule for the family is easier to trust.
    name: "stripe",
    kind: "API_KEY",
    source: `(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}`,
  },
  {
    name: "stripe-webhook-secret",
    kind: "SECRET",
    source: `whsec_[A-Za-z0-9+/=]{24,}`,
  },
  {
    // Twilio account and API-key SIDs: AC/SK + 32 lower-case hex.
    name: "twilio-sid",
    kind: "API_KEY",
    source: `(?:AC|SK)[0-9a-f]{32}${END}`,
  },
  {
    name: "sendgrid",
    kind: "API_KEY",
    source: String.raw`SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`,
  },
  {
    name: "mailgun",
    kind: "API_KEY",
    source: `key-[0-9a-f]{32}${END}`,
  },
  { name: "npm", kind: "TOKEN", source: `npm_[A-Za-z0-9]{36}${END}` },
  {
    // The body is a macaroon whose base64 always starts with "AgEIcHlwaS5vcmc" ("pypi.org").
    name: "pypi",
    kind: "TOKEN",
    source: `pypi-AgE[A-Za-z0-9_-]{40,}`,
  },
  {
    name: "hugging-face",
    kind: "TOKEN",
    source: `hf_[A-Za-z0-9]{30,}${END}`,
  },
  {
    name: "discord-bot",
    kind: "TOKEN",
    source: String
      .raw`(?<![.-])[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}(?![A-Za-z0-9_.-])`,
    valid: (m) => /\d/.test(m) && _randomish(m.slice(0, m.indexOf(".")), 0),
  },

  {
    name: "google-oauth-client-secret",
    kind: "SECRET",
    source: `GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])`,
  },
  {
    name: "google-refresh-token",
    kind: "TOKEN",
    source: String.raw`(?<!/)1//0[A-Za-z0-9_-]{40,}`,
  },
  {
    name: "google-access-token",
    kind: "TOKEN",
    source: String.raw`ya29\.[A-Za-z0-9_-]{30,}`,
  },
  {
    name: "heroku",
    kind: "API_KEY",
    source: `HRKU-[A-Za-z0-9_-]{20,}`,
  },
  {
    name: "digitalocean",
    kind: "TOKEN",
    source: `do[opr]_v1_[a-f0-9]{64}${END}`,
  },
  {
    name: "shopify",
    kind: "TOKEN",
    source: `shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}${END}`,
  },
  {
    name: "linear",
    kind: "API_KEY",
    source: `lin_api_[A-Za-z0-9]{40}${END}`,
  },
  { name: "notion", kind: "TOKEN", source: `ntn_[A-Za-z0-9]{40,}` },
  {
    name: "atlassian",
    kind: "TOKEN",
    source: `ATATT3[A-Za-z0-9_=-]{50,}`,
  },
  {
    name: "databricks",
    kind: "TOKEN",
    source: `dapi[a-f0-9]{32}(?:-\\d)?${END}`,
  },
  {
    name: "postman",
    kind: "API_KEY",
    source: `PMAK-[a-f0-9]{24}-[a-f0-9]{34}${END}`,
  },
  { name: "supabase", kind: "TOKEN", source: `sbp_[a-f0-9]{40}${END}` },
  {
    name: "doppler",
    kind: "TOKEN",
    source: String.raw`dp\.pt\.[A-Za-z0-9]{40,}`,
  },

  {
    name: "age-secret-key",
    kind: "PRIVATE_KEY",
    source: `AGE-SECRET-KEY-1[0-9A-Z]{58}${END}`,
  },
];
