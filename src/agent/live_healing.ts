import { redactSecrets } from "../redact/mod.ts";
import { isErrorSignal, type Signal, textSignals, TranscriptExtractor } from "../signals/mod.ts";
import type { HookMessage } from "./hook_message.ts";
import type { KnowledgePort } from "./knowledge_port.ts";
import type { FixHint } from "./memory_block.ts";

/** Most known fixes injected in one turn. */
export const MAX_FIXES = 2;
/** Most error lines looked up per turn (each is one cluster match). */
const MAX_LOOKUPS = 6;

/** Where live healing looks for errors: this prompt and the previous turn's messages. */
export interface HealingInput {
  /** This turn's prompt (after removing OpenClaw metadata). */
  readonly prompt: string;
  /** The messages of the latest turn before this one (`lastTurn(messages)`). */
  readonly recent: readonly HookMessage[];
  readonly knowledge: KnowledgePort;
  readonly homeDirs?: readonly string[];
}

/** The error lines of the recent messages and the prompt, as the scanner would cluster them. */
function errorLines(input: HealingInput): string[] {
  const extractor = new TranscriptExtractor();
  const signals: Signal[] = [];
  input.recent.forEach((message, position) => {
    const extracted = extractor.extract(
      { type: "message", message: message.raw },
      { sourceId: "hook", session: "live", position },
    );
    if (extracted.ok) signals.push(...extracted.signals);
  });
  // A pasted error in the prompt counts too ("I get ECONNREFUSED 127.0.0.1:5432").
  signals.push(...textSignals(input.prompt, "log", { id: "hook" }, undefined));
  const lines = signals.filter(isErrorSignal).map((s) => s.errorText);
  const redact = input.homeDirs ? { homeDirs: input.homeDirs } : {};
  return [...new Set(lines.reverse())].slice(0, MAX_LOOKUPS).map((l) =>
    redactSecrets(l, redact).text
  );
}

/**
 * Live healing (DESIGN §6.5 advise mode): the errors in this prompt and in the previous turn's tool
 * results and model replies — found the way `lshml scan` finds them (tool results marked or
 * exiting non-zero, short outputs that report an error, `stopReason: "error"`), redacted the way
 * it clusters them — are matched to error clusters, and each cluster with an `active` or `proven`
 * fix contributes that fix (newest errors first, at most {@link MAX_FIXES}, one per cluster).
 * A failing knowledge lookup rejects; the host logs it and injects no fix that turn.
 *
 * @example
 * ```ts
 * const fixes = await findKnownFixes({ prompt, recent: lastTurn(messages), knowledge });
 * // [{ clusterId: "c05fp9c1pvvq", template: "read: File not found: <*>", fix: { gene, status: "proven" } }]
 * ```
 */
export async function findKnownFixes(input: HealingInput): Promise<FixHint[]> {
  const hints: FixHint[] = [];
  const seen = new Set<string>();
  for (const line of errorLines(input)) {
    if (hints.length >= MAX_FIXES) break;
    const match = await input.knowledge.matchCluster(line);
    if (!match || seen.has(match.clusterId)) continue;
    seen.add(match.clusterId);
    const fix = await input.knowledge.fixFor(match.clusterId);
    if (fix && (fix.status === "active" || fix.status === "proven")) {
      hints.push({ clusterId: match.clusterId, template: match.template, fix });
    }
  }
  return hints;
}
