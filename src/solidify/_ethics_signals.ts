/**
 * The building blocks of the exfiltration and covert-logging rules: what reads a secret, what
 * dumps the environment, and what sends data off the machine. Each is a regular expression
 * over one line, case-sensitive unless flagged (shell and code are).
 */

/** Files that hold credentials: private SSH keys, cloud and registry credentials, `.env`. */
export const _SECRET_FILE = new RegExp(
  [
    String.raw`\.ssh[\/\\](?:id_[\w.-]+|[\w.-]*_key\b|authorized_keys)`,
    String.raw`(?:~|\$\{?HOME\}?)\/\.ssh\/?(?=$|[\s"')])`,
    String.raw`\bid_(?:rsa|dsa|ecdsa|ed25519)\b`,
    String.raw`\.aws[\/\\](?:credentials|config)\b`,
    String.raw`(?:~|\$\{?HOME\}?)\/\.aws\/?(?=$|[\s"')])`,
    String.raw`\.(?:netrc|git-credentials|npmrc|pypirc|pgpass)\b`,
    String.raw`\.docker[\/\\]config\.json`,
    String.raw`\.kube[\/\\]config\b`,
    String.raw`\.gnupg\b`,
    String.raw`\.config[\/\\]gh[\/\\]hosts\.yml`,
    String.raw`\/etc\/(?:shadow|sudoers)\b`,
    String.raw`\bsecurity\s+find-(?:generic|internet)-password\b`,
    // `.env` as a file (`@.env`, `cat .env`, "./.env"), not `process.env` or `import.meta.env`.
    String.raw`(?:^|[\s@<"'=(\/])\.env(?:\.[\w-]+)?(?=$|[\s"'),;])`,
  ].join("|"),
);

/** The whole environment at once (a single `$TOKEN` is {@link _SECRET_VAR}). */
export const _ENV_DUMP = new RegExp(
  [
    String.raw`\bprintenv\s*(?:$|[|>;&)])`,
    String.raw`(?:^|[;&|(]\s*|\$\()env\s*(?:$|[|>;&)])`,
    String.raw`\bprocess\.env\s*(?:$|[),}\]])`,
    String.raw`JSON\.stringify\(\s*process\.env\b`,
    String.raw`Object\.(?:entries|keys|values|assign)\([^)]*process\.env\s*\)`,
    String.raw`\bDeno\.env\.toObject\(\)`,
    String.raw`\bos\.environ\s*(?:$|[),}\]])`,
    String.raw`\b(?:dict|json\.dumps)\(\s*os\.environ\b`,
    String.raw`\/proc\/(?:self|\d+)\/environ\b`,
  ].join("|"),
);

/** One secret-looking variable: `$GITHUB_TOKEN`, `process.env.API_KEY`, `os.environ["…SECRET"]`. */
export const _SECRET_VAR = new RegExp(
  String
    .raw`(?:\$\{?|process\.env\.|Deno\.env\.get\(\s*['"]|os\.environ\[\s*['"]|getenv\(\s*['"])` +
    String
      .raw`[A-Z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?)[A-Z0-9_]*`,
);

/** Something that sends bytes to another host. */
export const _NETWORK_SINK = new RegExp(
  [
    String
      .raw`(?:^|[\s;&|(\x60"'])(?:curl|wget|nc|ncat|netcat|socat|telnet|scp|sftp|rsync|ftp)(?=$|\s)`,
    String.raw`\bfetch\s*\(`,
    String.raw`\baxios(?:\.\w+)?\s*\(`,
    String.raw`\brequests\.(?:post|put|patch|get|request)\s*\(`,
    String.raw`\burllib\.request\b|\burlopen\s*\(`,
    String.raw`\bhttps?\.(?:request|get)\s*\(`,
    String.raw`\bInvoke-(?:WebRequest|RestMethod)\b`,
    String.raw`\/dev\/(?:tcp|udp)\/`,
    String.raw`\bsendBeacon\s*\(`,
    String.raw`\bnew\s+(?:XMLHttpRequest|WebSocket)\b`,
    String.raw`\bsmtplib\b|\bsendmail\b`,
  ].join("|"),
);

/** Encoders used to smuggle a secret through a URL or a DNS name. */
export const _ENCODER =
  /\bbase64\b|\bbtoa\s*\(|\bb64encode\b|\.toString\(\s*['"]base64['"]\s*\)|\bxxd\b/;
