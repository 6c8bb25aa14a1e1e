import { redactSecrets } from "../redact/mod.ts";
import { _LINE_RULES, type _LineRule, type EthicsCategory } from "./_ethics_rules.ts";
import { _PROSE_RULES } from "./_ethics_prose.ts";
import { _ENV_DUMP, _NETWORK_SINK, _SECRET_FILE } from "./_ethics_signals.ts";

export type { EthicsCategory } from "./_ethics_rules.ts";

/** What {@linkcode ethicsCheck} looks at. */
export interface EthicsInput {
  /** A unified diff; only its added lines are judged. */
  readonly diff: string;
  /** The gene's strategy steps (prose an agent follows). */
  readonly strategy: readonly string[];
  /** Validation and canary commands about to run (argv, judged joined by spaces). */
  readonly commands?: readonly (readonly string[])[];
}

/** One dangerous pattern found. */
export interface EthicsFinding {
  /** Rule id, e.g. `secret_to_network`, `rm_recursive_root`, `prose_exfiltrate`. */
  readonly rule: string;
  readonly category: EthicsCategory;
  /** `block` fails solidify; `warn` is reported only. */
  readonly severity: "block" | "warn";
  readonly source: "diff" | "strategy" | "command";
  /** 1-based: the line in the diff text, the strategy step, or the command. */
  readonly line: number;
  /** For the diff: the file the added line belongs to. */
  readonly file: string | null;
  /** The offending line, trimmed, secrets redacted, at most {@linkcode EXCERPT_CHARS}. */
  readonly excerpt: string;
  readonly message: string;
}

/** Added lines of one file this close together are read as one snippet for exfiltration. */
export const ETHICS_WINDOW_LINES = 6;
/** Enough of a line to recognise it. */
export const EXCERPT_CHARS = 200;

/**
 * Looks for dangerous patterns (DESIGN §6.5) in the lines a change adds, in the strategy an
 * agent was told to follow, and in the commands about to run:
 * - disabling safeguards: `--no-verify`/`HUSKY=0`; TLS verification off
 *   (`NODE_TLS_REJECT_UNAUTHORIZED=0`, `verify=False`, `curl -k`, …); `chmod 777`/`o+w`;
 *   firewall/SELinux off; skipped tests, `@ts-nocheck`, `|| true` after a test (warn);
 * - credential exfiltration: a credential file (`~/.ssh/id_*`, `~/.aws/credentials`, `.env`,
 *   `.netrc`, …) or the whole environment (`printenv`, `JSON.stringify(process.env)`) on the
 *   same line as — or within {@linkcode ETHICS_WINDOW_LINES} added lines of — a sender
 *   (`curl`, `wget`, `nc`, `fetch(`, `requests.post(`, `/dev/tcp/`, …); a credential file fed
 *   to base64; a `$…TOKEN` variable sent anywhere (warn: usually its own API);
 * - destructive commands: recursive `rm` of `/`, `~`, `$HOME`, `.`, `..` or a system folder
 *   (`rm -rf ./build` passes; `rm -rf "$DIR/"` warns), the same from code, `git reset
 *   --hard`, `git clean -f`, `git checkout .`, `git stash drop|clear`, force-push to
 *   main/master (elsewhere: warn), `mkfs`, `dd of=/dev/sdX`, fork bombs, `find / -delete`,
 *   `DROP DATABASE`;
 * - covert logging: keyloggers, user input or the environment written to a hidden file,
 *   appends to `~/.bashrc`-style files or the crontab, telemetry senders (warn).
 * Strategy steps also get prose rules ("skip the tests", "send the tokens to a webhook"),
 * which ignore negated clauses ("never disable TLS verification").
 *
 * @example
 * ```ts
 * ethicsCheck({ diff, strategy: ["Raise the timeout"] })
 *   .filter((finding) => finding.severity === "block");
 * ```
 */
export function ethicsCheck(input: EthicsInput): EthicsFinding[] {
  const findings: EthicsFinding[] = [];
  const added = _addedLines(input.diff);
  for (const { line, file, text } of added) {
    findings.push(..._judge(_LINE_RULES, text, { source: "diff", line, file }));
  }
  findings.push(..._windowFindings(added, findings));
  input.strategy.forEach((step, i) => {
    const where = { source: "strategy", line: i + 1, file: null } as const;
    findings.push(..._judge([..._LINE_RULES, ..._PROSE_RULES], step, where));
  });
  (input.commands ?? []).forEach((argv, i) => {
    findings.push(
      ..._judge(_LINE_RULES, argv.join(" "), { source: "command", line: i + 1, file: null }),
    );
  });
  return findings;
}

interface _Where {
  readonly source: EthicsFinding["source"];
  readonly line: number;
  readonly file: string | null;
}

/**
 * Long lines (minified code) are judged in overlapping pieces: every pattern here is far
 * shorter than the overlap, and no regular expression ever sees more than a piece, which
 * bounds the cost of backtracking.
 */
const PIECE_CHARS = 2048;
const PIECE_OVERLAP = 256;

function _pieces(text: string): string[] {
  if (text.length <= PIECE_CHARS) return [text];
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += PIECE_CHARS - PIECE_OVERLAP) {
    pieces.push(text.slice(at, at + PIECE_CHARS));
  }
  return pieces;
}

function _verdict(rule: _LineRule, text: string): "block" | "warn" | false {
  let verdict: "block" | "warn" | false = false;
  for (const piece of _pieces(text)) {
    const answer = rule.test(piece);
    if (answer === false) continue;
    verdict = answer === true ? rule.severity : answer;
    if (verdict === "block") break;
  }
  return verdict;
}

function _judge(rules: readonly _LineRule[], text: string, where: _Where): EthicsFinding[] {
  const found: EthicsFinding[] = [];
  for (const rule of rules) {
    const severity = _verdict(rule, text);
    if (severity === false) continue;
    found.push({
      rule: rule.id,
      category: rule.category,
      severity,
      ...where,
      excerpt: _excerpt(text),
      message: rule.message,
    });
  }
  return found;
}

interface _AddedLine {
  readonly line: number;
  readonly file: string | null;
  readonly text: string;
}

/** The `+` lines inside hunks, with the file they belong to (`+++ b/<path>`). */
function _addedLines(diff: string): _AddedLine[] {
  const added: _AddedLine[] = [];
  let file: string | null = null;
  let inHunk = false;
  diff.split("\n").forEach((text, i) => {
    if (text.startsWith("diff --git ") || text.startsWith("# lshml:")) {
      inHunk = false;
      file = null;
    } else if (!inHunk && text.startsWith("+++ ")) {
      file = text.slice(4).replace(/^b\//, "");
    } else if (text.startsWith("@@")) {
      inHunk = true;
    } else if (inHunk && text.startsWith("+")) {
      added.push({ line: i + 1, file, text: text.slice(1) });
    }
  });
  return added;
}

/**
 * Exfiltration split over lines (`KEY=$(cat ~/.ssh/id_rsa)` … `curl -d "$KEY" …`): a
 * credential read and a sender in the same file within {@linkcode ETHICS_WINDOW_LINES} added
 * lines, unless that sender line was already flagged.
 */
function _windowFindings(
  added: readonly _AddedLine[],
  already: readonly EthicsFinding[],
): EthicsFinding[] {
  const flagged = new Set(already.filter((f) => f.rule === "secret_to_network").map((f) => f.line));
  const found: EthicsFinding[] = [];
  added.forEach((sink, i) => {
    if (!_NETWORK_SINK.test(sink.text) || flagged.has(sink.line)) return;
    const near = added.slice(Math.max(0, i - ETHICS_WINDOW_LINES), i + ETHICS_WINDOW_LINES + 1)
      .find((other) =>
        other.file === sink.file && (_SECRET_FILE.test(other.text) || _ENV_DUMP.test(other.text))
      );
    if (!near) return;
    found.push({
      rule: "secret_to_network",
      category: "credential_exfiltration",
      severity: "block",
      source: "diff",
      line: sink.line,
      file: sink.file,
      excerpt: _excerpt(`${near.text.trim()} … ${sink.text.trim()}`),
      message: `sends data read from a credential file or the environment (diff line ${near.line})`,
    });
  });
  return found;
}

function _excerpt(text: string): string {
  const clean = redactSecrets(text.trim()).text;
  return clean.length > EXCERPT_CHARS ? `${clean.slice(0, EXCERPT_CHARS - 1)}…` : clean;
}
