import type { HookHandler, HookHandlerFactory } from "./hook_handler.ts";
import type { HookName } from "./protocol.ts";

/** The attribute that marks the echo handler's block, so a test can find it in a prompt. */
export const ECHO_SOURCE = "lshml agent serve --echo";

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(
    /"/g,
    "&quot;",
  );
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : "";
}

function describe(event: unknown, ctx: unknown): string {
  const prompt = field(event, "prompt");
  const messages = field(event, "messages");
  const session = field(ctx, "sessionKey");
  return [
    `session ${typeof session === "string" ? session : "(none)"}`,
    `prompt ${typeof prompt === "string" ? prompt.length : 0} chars`,
    `${Array.isArray(messages) ? messages.length : 0} earlier messages`,
  ].join("; ");
}

/**
 * A transport test handler, NOT the memory engine: for `before_prompt_build` it returns a
 * fixed-format `<lshml-memories>` block that only echoes what crossed the bridge (the
 * session key, the prompt length, the number of earlier messages, a call counter); every
 * other hook is logged and echoed back. `lshml agent serve --stdio --echo` uses it so the
 * plugin can be proven end to end in a real OpenClaw before the AgentHost is wired in.
 *
 * @example
 * ```ts
 * const handler = await echoHandlerFactory.create(deps);
 * await handler.handle("before_prompt_build", { prompt: "hi", messages: [] }, {});
 * // { prependContext: '<lshml-memories source="lshml agent serve --echo" …>…</lshml-memories>' }
 * ```
 */
export const echoHandlerFactory: HookHandlerFactory = {
  label: "echo (bridge test)",
  create: ({ log }) => {
    const counts = new Map<HookName, number>();
    const handler: HookHandler = {
      handle: (hook, event, ctx) => {
        const count = (counts.get(hook) ?? 0) + 1;
        counts.set(hook, count);
        const seen = describe(event, ctx);
        log.info(`[lshml] hook ${hook} #${count} (echo handler) ${seen}`);
        if (hook !== "before_prompt_build") return Promise.resolve({ echo: hook, count });
        const prependContext = [
          `<lshml-memories source="${ECHO_SOURCE}" trust="untrusted">`,
          escapeText(`Bridge test, not learned memories: before_prompt_build #${count}; ${seen}.`),
          "</lshml-memories>",
        ].join("\n");
        return Promise.resolve({ prependContext });
      },
    };
    return Promise.resolve(handler);
  },
};
