import {
  configLeaves,
  describeSource,
  type EffectiveConfig,
  type SettingSource,
} from "../config/mod.ts";

/** One setting as the settings page shows it. */
export interface SettingRow {
  readonly key: string;
  /** The value; a secret that is set shows as "[REDACTED]", never in clear. */
  readonly value: unknown;
  readonly secret: boolean;
  /** Where the value came from: "default", "env OPENAI_API_KEY", "file …", "flag …". */
  readonly source: string;
  readonly env: string;
  readonly allowed: string;
  readonly description: string;
}

/** The text that stands for a secret that is set. */
export const REDACTED = "[REDACTED]";

/** A flag's text can hold the value itself (`--set openai.apiKey=sk-…`): never for a secret. */
function sourceText(source: SettingSource, key: string, secret: boolean): string {
  if (secret && source.kind === "flag") return `flag --set ${key}=${REDACTED}`;
  return describeSource(source);
}

/**
 * Every setting with its effective value and source, secrets redacted (the same rule as
 * `lshml config --json`).
 */
export function settingRows(effective: EffectiveConfig): SettingRow[] {
  const config = effective.config as unknown as Record<string, Record<string, unknown>>;
  return configLeaves().map((leaf) => {
    const [section, name] = leaf.path;
    const raw = config[section]?.[name];
    const secret = leaf.meta.secret === true;
    return {
      key: leaf.key,
      value: secret && raw !== undefined ? REDACTED : raw ?? null,
      secret,
      source: sourceText(effective.sources.get(leaf.key) ?? { kind: "default" }, leaf.key, secret),
      env: leaf.env,
      allowed: leaf.allowed,
      description: leaf.meta.description,
    };
  });
}
