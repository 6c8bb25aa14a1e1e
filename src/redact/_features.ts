/**
 * Words whose absence rules a rule out, searched for all rules in one scan of a lower-cased
 * copy of the text. A feature is a superset test: when it is present the rule still decides;
 * when it is absent the rule is skipped. Measured on Loghub lines, one case-sensitive scan of
 * the lower-cased text costs about half of a case-insensitive one, and a sixth of forty
 * substring searches.
 */
const FEATURES = {
  // Listed before `contextWord`: at one position the first listed word wins, and "auth" starts
  // "authorization" (see IMPLIED).
  authorization: String.raw`authorization`,
  privateKey: String.raw`private key|private-lines:`,
  telegram: String.raw`:aa`,
  azureAd: String.raw`q~`,
  webhook: String.raw`hooks\.slack\.com|/api/webhooks/|webhook\.office\.com`,
  azure: String.raw`accountkey=|sharedaccesskey=|sharedaccesssignature=`,
  bearer: String.raw`bearer`,
  basic: String.raw`basic`,
  cookie: String.raw`cookie`,
  // Every root of `_KEY_ROOTS` contains one of these.
  keyword: String.raw`pass|pwd|secret|token|key|sig|cred|sess|\.sid`,
  cjk: String.raw`密|令牌|口令|パスワード|トークン|暗証|鍵|钥|キー`,
  contextWord: String.raw`auth|heroku|datadog|twilio|dd[ _-]ap|秘密|シークレット`,
  ssn: String.raw`ssn|social|soc`,
  homeUnix: String.raw`/home/|/users/`,
  homeWindows: String.raw`users|documents and settings`,
  // Card, national id and phone numbers all hold three digits in a row.
  digits: String.raw`\d\d\d`,
} as const;

/** The name of one prefilter feature. */
export type _Feature = keyof typeof FEATURES;

const NAMES = Object.keys(FEATURES) as _Feature[];
const ALL = (1 << NAMES.length) - 1;

/** Features whose words start with another feature's word, so both start at one position. */
const IMPLIED: ReadonlyArray<readonly [_Feature, _Feature]> = [["authorization", "contextWord"]];

/** A scanner for a subset of the features (a bit mask over NAMES), and its groups' names. */
interface _Scanner {
  readonly pattern: RegExp;
  readonly names: readonly _Feature[];
}

/** Scanners by subset: a text's scans shrink as features are found, and subsets repeat. */
const SCANNERS = new Map<number, _Scanner>();
const SCANNER_CACHE_LIMIT = 256;

function _scanner(remaining: number): _Scanner {
  let scanner = SCANNERS.get(remaining);
  if (scanner === undefined) {
    const names = NAMES.filter((_, i) => (remaining & (1 << i)) !== 0);
    const pattern = new RegExp(names.map((name) => `(${FEATURES[name]})`).join("|"), "g");
    scanner = { pattern, names };
    if (SCANNERS.size >= SCANNER_CACHE_LIMIT) SCANNERS.clear();
    SCANNERS.set(remaining, scanner);
  }
  return scanner;
}

/**
 * Which features occur in `text`. Each search looks only for the features not yet found and
 * resumes one character after the previous match started, so every match is a new feature (at
 * most one scan per feature, however common its words) and overlapping words (`accountkey=`
 * holds `key`) are all found.
 */
export function _scanFeatures(text: string): ReadonlySet<_Feature> {
  const lower = text.toLowerCase();
  const seen = new Set<_Feature>();
  let remaining = ALL;
  let from = 0;
  while (remaining !== 0) {
    const { pattern, names } = _scanner(remaining);
    pattern.lastIndex = from;
    const m = pattern.exec(lower);
    pattern.lastIndex = 0;
    if (m === null) break;
    const g = m.findIndex((group, i) => i > 0 && group !== undefined);
    const name = names[g - 1];
    if (name === undefined) break;
    for (const feature of [name, ...IMPLIED.filter(([f]) => f === name).map(([, i]) => i)]) {
      seen.add(feature);
      remaining &= ~(1 << NAMES.indexOf(feature));
    }
    from = m.index + 1;
  }
  return seen;
}
