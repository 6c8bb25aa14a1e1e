import type { _LineRule } from "./_ethics_rules.ts";

/** Words that turn an instruction into a warning against it ("never disable TLS checks"). */
const NEGATION =
  /\b(?:never|not|don'?t|doesn'?t|avoid(?:ing)?|without|instead of|rather than|no longer|refuse|prevent|forbid(?:den)?)\b/i;

/**
 * Tests `pattern` clause by clause (split at `.;,:!?` and line breaks) and ignores a clause
 * where a negation comes before the match: "Do not skip the tests" passes, "Skip the tests"
 * does not.
 */
function _affirmed(pattern: RegExp): (text: string) => boolean {
  return (text) =>
    text.split(/[.;,:!?\n]+/).some((clause) => {
      const match = pattern.exec(clause);
      return match !== null && !NEGATION.test(clause.slice(0, match.index + match[0].length));
    });
}

/**
 * Rules for strategy text — prose an agent will follow — on top of the command rules: the
 * same four dangers said in words. All block.
 */
export const _PROSE_RULES: readonly _LineRule[] = [
  {
    id: "prose_disable_safeguards",
    category: "disabling_safeguards",
    severity: "block",
    message: "tells the agent to turn off tests, checks, hooks or TLS verification",
    test: _affirmed(
      new RegExp(
        String.raw`\b(?:disabl|turn(?:ing)? off|skip|bypass|comment(?:ing)? out)\w*` +
          String
            .raw`(?:\s+[\w'-]+){0,3}?\s+(?:tests?|test suite|specs?|lint(?:er|ing)?|type ?check\w*|pre-commit|` +
          String.raw`git hooks?|hooks|ci(?: checks?)?|validation|safety checks?|sandbox|` +
          String.raw`(?:tls|ssl|certificate) (?:verification|validation|checks?))\b`,
        "i",
      ),
    ),
  },
  {
    id: "prose_exfiltrate",
    category: "credential_exfiltration",
    severity: "block",
    message: "tells the agent to send credentials or secrets off the machine",
    test: _affirmed(
      new RegExp(
        String
          .raw`\bexfiltrat\w*|\b(?:send|upload|post|transmit|forward|leak|copy|email)\w*\b[^.;]{0,60}?` +
          String
            .raw`\b(?:credentials?|secrets?|tokens?|api keys?|ssh keys?|private keys?|passwords?|` +
          String
            .raw`environment variables|env vars?|\.env)\b[^.;]{0,40}?\b(?:to|into)\s+(?:an?\s+|the\s+|my\s+)?` +
          String
            .raw`(?:remote|external|third[- ]party|attacker|pastebin|webhook|public|personal|other)\b`,
        "i",
      ),
    ),
  },
  {
    id: "prose_destroy",
    category: "destructive_command",
    severity: "block",
    message:
      "tells the agent to delete everything, rewrite shared history or discard the user's work",
    test: _affirmed(
      new RegExp(
        String
          .raw`\b(?:delet|wip|eras|remov|destroy|purg)\w*\b[^.;,]{0,30}?\b(?:home (?:directory|folder)|` +
          String.raw`entire (?:disk|drive|repo(?:sitory)?|project|workspace)|the \.git\b|` +
          String.raw`git history|root (?:directory|filesystem))|` +
          String.raw`\bforce[- ]push\w*\b[^.;,]{0,20}?\b(?:main|master)\b|` +
          String.raw`\b(?:discard|throw away|drop|revert|reset)\w*\b[^.;,]{0,30}?` +
          String.raw`\b(?:uncommitted|local|user'?s?) (?:changes|work|edits)\b`,
        "i",
      ),
    ),
  },
  {
    id: "prose_covert_logging",
    category: "covert_logging",
    severity: "block",
    message: "tells the agent to record keystrokes or passwords, or to report on the user secretly",
    test: _affirmed(
      new RegExp(
        String.raw`\b(?:log|record|captur|collect|harvest)\w*\b[^.;,]{0,40}?` +
          String.raw`\b(?:keystrokes?|key ?presses|passwords?|clipboard|what the user types)\b|` +
          String
            .raw`\b(?:secretly|covertly|silently|quietly|without (?:telling|asking|notifying|informing) the user)\b` +
          String.raw`[^.;,]{0,40}?\b(?:send|log|record|upload|collect|report|track)\w*`,
        "i",
      ),
    ),
  },
];
