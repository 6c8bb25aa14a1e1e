import {
  _ENCODER,
  _ENV_DUMP,
  _NETWORK_SINK,
  _SECRET_FILE,
  _SECRET_VAR,
} from "./_ethics_signals.ts";
import { _judgeRm } from "./_rm_targets.ts";

/** The four kinds of danger DESIGN §6.5 names. */
export type EthicsCategory =
  | "disabling_safeguards"
  | "credential_exfiltration"
  | "destructive_command"
  | "covert_logging";

/** A rule over one line of code, shell or prose. */
export interface _LineRule {
  readonly id: string;
  readonly category: EthicsCategory;
  readonly severity: "block" | "warn";
  readonly message: string;
  /** Whether the line trips the rule; an `"warn"`/`"block"` answer overrides `severity`. */
  readonly test: (line: string) => boolean | "warn" | "block";
}

const any = (...patterns: RegExp[]) => (line: string) => patterns.some((p) => p.test(line));
const TELEMETRY_WORD = /\b(?:telemetry|analytics|tracking|tracker|beacon)\b/i;
const TELEMETRY_OPT_OUT = /disable|opt[-_ ]?out|DO_NOT_TRACK|_DISABLED|=\s*(?:0|false)\b/i;
const HIDDEN_WRITE = new RegExp(
  String.raw`>>?\s*["']?[^\s"';&|]*\/\.[\w][^\s"';&|\/]*["']?\s*(?:$|[;&|])|` +
    String
      .raw`\b(?:appendFile|appendFileSync|writeFile|writeFileSync|createWriteStream|open)\s*\(` +
    String.raw`[^;]*?['"\x60][^'"\x60]*\/\.[\w][^'"\x60\/]*['"\x60]`,
);
const CAPTURED_INPUT = new RegExp(
  String.raw`\b(?:stdin|readline|input\s*\(|prompt\s*\(|password|passwd|keystrokes?|keypress|` +
    String.raw`clipboard|process\.argv)\b|\$REPLY\b|\$@|\bread\s+-[a-z]*s`,
  "i",
);

/** Every rule applied to added diff lines, strategy steps and commands. */
export const _LINE_RULES: readonly _LineRule[] = [
  // --- disabling safeguards ---
  {
    id: "hooks_bypassed",
    category: "disabling_safeguards",
    severity: "block",
    message: "skips git hooks or other verification (--no-verify, HUSKY=0)",
    test: any(/(?:^|\s)--no-verify\b/, /\bHUSKY=0\b/, /\bHUSKY_SKIP_HOOKS=1\b/),
  },
  {
    id: "tls_verification_off",
    category: "disabling_safeguards",
    severity: "block",
    message: "turns off TLS certificate verification",
    test: any(
      /NODE_TLS_REJECT_UNAUTHORIZED\s*[=:]\s*['"]?0/,
      /\bverify\s*=\s*False\b/,
      /\brejectUnauthorized\s*:\s*false\b/,
      /\bInsecureSkipVerify\s*:\s*true\b/,
      /(?:^|[\s;&|(])curl(?:\s[^;&|]*)?\s(?:--insecure|-[a-zA-Z]*k[a-zA-Z]*)(?=$|\s)/,
      /\bwget\s[^;&|]*--no-check-certificate\b/,
      /\bGIT_SSL_NO_VERIFY\s*=\s*['"]?(?:1|true)\b/i,
      /\bsslVerify\s*(?:=\s*|\s+)false\b/i,
      /\bstrict-ssl\s*(?:=\s*|\s+)false\b/,
      /\bPYTHONHTTPSVERIFY\s*=\s*['"]?0/,
      /--unsafely-ignore-certificate-errors\b/,
      /\bssl\._create_unverified_context\b|\bCERT_NONE\b|\bcheck_hostname\s*=\s*False\b/,
    ),
  },
  {
    id: "permissions_wide_open",
    category: "disabling_safeguards",
    severity: "block",
    message: "makes files world-writable (chmod 777, o+w)",
    test: any(
      /\bchmod\s+(?:-[a-zA-Z]+\s+)*(?:0?777|[augo]*a[augo]*\+rwx|ugo\+rwx|[ug]*o\+w|a\+w)(?=$|\s)/,
      /\bchmod(?:Sync)?\s*\([^)]*\b0o?777\b/,
    ),
  },
  {
    id: "security_tools_off",
    category: "disabling_safeguards",
    severity: "block",
    message: "turns off a firewall, SELinux/AppArmor, auditing or antivirus",
    test: any(
      /\bsetenforce\s+0\b/,
      /\bufw\s+disable\b/,
      /\bsystemctl\s+(?:stop|disable|mask)\s+(?:firewalld|apparmor|auditd|ufw)\b/,
      /\biptables\s+(?:-F|--flush)\b/,
      /\bSet-MpPreference\s+-Disable/i,
    ),
  },
  {
    id: "checks_disabled",
    category: "disabling_safeguards",
    severity: "warn",
    message: "skips tests, type checks or lint, or ignores their failure",
    test: any(
      /@ts-nocheck\b/,
      /\beslint-disable(?!-next-line|-line)\b/,
      /\bdeno-lint-ignore-file\b/,
      /\b(?:it|test|describe)\.skip\s*\(/,
      /(?:^|[^\w.])x(?:it|describe|test)\s*\(/,
      /@(?:pytest\.mark\.skip|unittest\.skip)\b/,
      /\bcontinue-on-error:\s*true\b/,
      /\b(?:test|lint|check|tsc|eslint|pytest|jest|vitest)\b[^;&|]*\|\|\s*(?:true|:|exit\s+0)\b/,
      /(?:^|[\s;])set\s+\+e\b/,
      /-DskipTests\b|\bSKIP_TESTS\s*=\s*(?:1|true)\b/,
    ),
  },
  // --- credential exfiltration ---
  {
    id: "secret_to_network",
    category: "credential_exfiltration",
    severity: "block",
    message: "sends a credential file or the whole environment to another host",
    test: (line) => (_SECRET_FILE.test(line) || _ENV_DUMP.test(line)) && _NETWORK_SINK.test(line),
  },
  {
    id: "secret_encoded",
    category: "credential_exfiltration",
    severity: "block",
    message: "encodes a credential file (base64/xxd), the usual step before smuggling it out",
    test: (line) => _SECRET_FILE.test(line) && _ENCODER.test(line),
  },
  {
    id: "secret_variable_sent",
    category: "credential_exfiltration",
    severity: "warn",
    message: "sends a secret variable over the network; check that the host is the one it is for",
    test: (line) => _SECRET_VAR.test(line) && _NETWORK_SINK.test(line) && !_SECRET_FILE.test(line),
  },
  // --- destructive commands ---
  {
    id: "rm_recursive_root",
    category: "destructive_command",
    severity: "block",
    message: "recursively deletes /, a system folder, the home folder or the whole workspace",
    test: (line) => {
      const verdicts = _judgeRm(line);
      if (verdicts.some((v) => v.severity === "block")) return "block";
      return verdicts.length > 0 ? "warn" : false;
    },
  },
  {
    id: "code_deletes_root",
    category: "destructive_command",
    severity: "block",
    message: "deletes / or the home folder from code",
    test: any(
      new RegExp(
        String
          .raw`\b(?:rmSync|rm|rmdir|rmdirSync|rmtree|remove_dir_all|removeSync|emptyDirSync|remove)\s*\(\s*` +
          String
            .raw`(?:['"](?:\/|~\/?|\/\*)['"]|os\.homedir\(\)|(?:os\.)?path\.expanduser\(\s*['"]~\/?['"]\s*\)|` +
          String.raw`Path\.home\(\)|Deno\.env\.get\(\s*['"]HOME['"]\s*\))\s*[,)]`,
      ),
    ),
  },
  {
    id: "git_discards_work",
    category: "destructive_command",
    severity: "block",
    message: "discards uncommitted work or stashes (git reset --hard, clean -f, checkout .)",
    test: any(
      /\bgit\s+(?:-[cC]\s+\S+\s+)*reset\s+(?:[^;&|]*\s)?--hard\b/,
      /\bgit\s+(?:-[cC]\s+\S+\s+)*clean\s+(?:[^;&|]*\s)?(?:-[a-zA-Z]*f[a-zA-Z]*|--force)\b/,
      /\bgit\s+(?:checkout|restore)\s+(?:--worktree\s+)?(?:--\s+)?\.(?=$|\s|[;&|])/,
      /\bgit\s+stash\s+(?:drop|clear)\b/,
    ),
  },
  {
    id: "force_push",
    category: "destructive_command",
    severity: "warn",
    message: "force-pushes (rewrites shared history); to main/master it blocks",
    test: (line) => {
      for (const match of line.matchAll(/\bgit\s+(?:-[cC]\s+\S+\s+)*push\b([^;&|\n]*)/g)) {
        const args = match[1] ?? "";
        if (!/(?:^|\s)(?:--force(?:-with-lease)?\b|-[a-zA-Z]*f\b|\+\S)/.test(args)) continue;
        return /(?:^|[\s:+\/])(?:main|master|trunk|production)(?=$|\s)/.test(args)
          ? "block"
          : "warn";
      }
      return false;
    },
  },
  {
    id: "disk_destroyed",
    category: "destructive_command",
    severity: "block",
    message: "formats or overwrites a disk, or forks without limit",
    test: any(
      /(?:^|[\s;&|(])(?:mkfs(?:\.\w+)?|wipefs)(?=$|\s)/,
      /\bdd\s[^;&|]*\bof=\/dev\/(?!null\b|zero\b|stdout\b|stderr\b)/,
      />\s*\/dev\/(?:sd[a-z]|nvme\d|hd[a-z]|vd[a-z]|xvd[a-z]|mmcblk\d|disk\d)/,
      /:\(\)\s*\{\s*:\s*\|\s*:\s*&\s*\}\s*;\s*:/,
      /\bfind\s+(?:\/|~\/?|\$\{?HOME\}?\/?)\s[^;&|]*(?:-delete\b|-exec\s+rm\b)/,
    ),
  },
  {
    id: "database_dropped",
    category: "destructive_command",
    severity: "block",
    message: "drops a whole database or schema",
    test: any(/\bDROP\s+(?:DATABASE|SCHEMA)\b/i),
  },
  // --- covert logging ---
  {
    id: "keylogger",
    category: "covert_logging",
    severity: "block",
    message: "captures keystrokes",
    test: any(
      /\bkey ?logger\b/i,
      /\bpynput\.keyboard\b/,
      /\bGetAsyncKeyState\b/,
      /\bSetWindowsHookEx[AW]?\s*\(\s*WH_KEYBOARD/,
      /\/dev\/input\/event/,
      /\bxinput\s+(?:test|--test)\b/,
      /\bCGEventTapCreate\b/,
    ),
  },
  {
    id: "hidden_capture",
    category: "covert_logging",
    severity: "block",
    message: "writes user input or the environment to a hidden file",
    test: (line) => HIDDEN_WRITE.test(line) && (CAPTURED_INPUT.test(line) || _ENV_DUMP.test(line)),
  },
  {
    id: "startup_file_write",
    category: "covert_logging",
    severity: "block",
    message: "appends to a shell start-up file or the crontab (runs silently later)",
    test: any(
      />>?\s*["']?(?:~|\$\{?HOME\}?)?\/?[^\s"';&|]*\.(?:bashrc|zshrc|profile|bash_profile|zprofile|zshenv)\b/,
      /\bcrontab\s+(?:-[a-z]*\s+)*-(?=$|\s)|\|\s*crontab\b/,
    ),
  },
  {
    id: "telemetry",
    category: "covert_logging",
    severity: "warn",
    message: "sends telemetry or analytics; make sure the user opted in",
    test: (line) =>
      (TELEMETRY_WORD.test(line) && _NETWORK_SINK.test(line) && !TELEMETRY_OPT_OUT.test(line)) ||
      /\bsendBeacon\s*\(/.test(line),
  },
];
