import { z } from "zod";

/**
 * What every leaf setting says about itself. The config loader, `lshml config`,
 * the README table and the OpenClaw manifest are all generated from this, so a
 * setting is documented in exactly one place.
 */
export interface SettingMeta {
  /**
   * Environment variable that sets it. The seeds' names are kept where they had one
   * (`EVOLVE_STRATEGY`, `OLLAMA_URL`…); otherwise it is derived from the key:
   * `runtime.learnMode` → `LSHML_RUNTIME_LEARN_MODE`.
   */
  readonly env?: string;
  /** One sentence a newcomer can act on. */
  readonly description: string;
  /** Never printed in clear (`lshml config` shows only whether it is set). */
  readonly secret?: boolean;
  /** A filesystem path: a leading `~` expands to the user's home directory. */
  readonly path?: boolean;
}

/**
 * Declares a setting with a default value.
 *
 * @example
 * ```ts
 * const alpha = setting(z.number().gt(0).max(1), 0.3, {
 *   description: "Q-learning step size.",
 * });
 * ```
 */
export function setting<T extends z.ZodType>(
  type: T,
  value: z.output<T>,
  meta: SettingMeta,
): z.ZodDefault<T> {
  // zod's default() wants NoUndefined<output<T>>; every call site passes a concrete value.
  const withDefault = type.default(value as z.util.NoUndefined<z.output<T>>);
  return withDefault.meta({ ...meta });
}

/** Declares a setting that is unset unless the user provides it (API keys, optional URLs). */
export function optionalSetting<T extends z.ZodType>(
  type: T,
  meta: SettingMeta,
): z.ZodOptional<T> {
  return type.optional().meta({ ...meta });
}

/** Reads back the metadata attached by {@link setting} or {@link optionalSetting}. */
export function settingMeta(schema: z.ZodType): SettingMeta | undefined {
  const meta = schema.meta() as Partial<SettingMeta> | undefined;
  if (!meta || typeof meta.description !== "string") {
    return undefined;
  }
  return meta as SettingMeta;
}
