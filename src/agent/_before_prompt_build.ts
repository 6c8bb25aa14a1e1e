import { cosine } from "../embed/mod.ts";
import { detectFeedback } from "../signals/text/mod.ts";
import { BeforePromptBuildEventSchema } from "./hook_events.ts";
import { lastTurn, toHookMessages } from "./hook_message.ts";
import { learningExclusion } from "./learning_exclusion.ts";
import { findKnownFixes } from "./live_healing.ts";
import {
  type FixHint,
  type InjectedMemory,
  MEMORY_SYSTEM_NOTE,
  renderMemoryBlock,
} from "./memory_block.ts";
import type { PromptInjection } from "./prompt_injection.ts";
import { stripOpenClawMetadata } from "./strip_openclaw_metadata.ts";
import { type BoundaryDecision, decideBoundary } from "./task_boundary.ts";
import {
  type PendingTask,
  type SessionState,
  type TaskTurn,
  TURN_TEXT_CHARS,
} from "./task_state.ts";
import type { _HostCore } from "./_host_core.ts";
import { _idList, _preview, _sessionLabel, _token } from "./_log_format.ts";
import { _parseHook } from "./_parse_hook.ts";
import { _recallAndRank } from "./_recall.ts";
import { _applyDecision } from "./_apply_decision.ts";

const PREVIEW_CHARS = 160;

async function embedPrompt(core: _HostCore, text: string, where: string) {
  if (text === "") return undefined;
  try {
    return (await core.deps.embedder.embed([text]))[0];
  } catch (error) {
    core.log(`[lshml] embedding failed ${where}: ${(error as Error).message}`);
    return undefined;
  }
}

async function liveHealing(
  core: _HostCore,
  prompt: string,
  recent: ReturnType<typeof lastTurn>,
  where: string,
) {
  try {
    const fixes = await findKnownFixes({
      prompt,
      recent,
      knowledge: core.deps.knowledge,
      ...(core.deps.homeDirs ? { homeDirs: core.deps.homeDirs } : {}),
    });
    if (fixes.length > 0) {
      const list = fixes.map((f) => `${f.clusterId}:${f.fix.gene.id}(${f.fix.status})`).join(",");
      core.log(`[lshml] live healing ${where} fixes=${list}`);
    }
    return fixes;
  } catch (error) {
    core.log(`[lshml] live healing failed ${where}: ${(error as Error).message}`);
    return [];
  }
}

function inject(
  core: _HostCore,
  memories: InjectedMemory[],
  fixes: FixHint[],
): PromptInjection | undefined {
  const block = renderMemoryBlock({ memories, fixes });
  if (!block) return undefined;
  core.log(`[lshml] prependContext preview=${_preview(block, PREVIEW_CHARS)}`);
  return { prependContext: block, appendSystemContext: MEMORY_SYSTEM_NOTE };
}

/**
 * Recall and rank for the task's new turn (a retry asks with the task's intent: a complaint is a
 * poor query), and the seed's `pending created|updated … selectedIds=…` line.
 */
async function recallFor(core: _HostCore, c: {
  task: PendingTask;
  decision: BoundaryDecision;
  vector: Float32Array | undefined;
  intent: Float32Array | undefined;
  newTurn: TaskTurn;
  where: string;
}): Promise<InjectedMemory[]> {
  let memories: InjectedMemory[] = [];
  const query = c.decision.action === "retry" ? c.intent ?? c.vector : c.vector;
  if (query) {
    try {
      memories = await _recallAndRank(core, query, c.where);
    } catch (error) {
      core.log(`[lshml] recall failed ${c.where}: ${(error as Error).message}`);
    }
  }
  c.newTurn.selectedIds = memories.map((m) => m.id);
  const verb = c.decision.action === "open" ? "created" : "updated";
  core.log(
    `[lshml] pending ${verb} ${c.where} task=${c.task.id} state=${c.task.state} ` +
      `turns=${c.task.turns.length} selectedIds=${_idList(c.newTurn.selectedIds)}`,
  );
  return memories;
}

/** The turn: task state machine, recall and rank, live healing, injection. */
async function turn(
  core: _HostCore,
  input: {
    key: string;
    prompt: string;
    raw: string;
    recent: ReturnType<typeof lastTurn>;
    runId?: string;
  },
): Promise<PromptInjection | undefined> {
  const { key, prompt } = input;
  const now = core.deps.now();
  const where = `session=${_sessionLabel(key)}`;
  const state: SessionState = core.session(key) ?? { key, turns: 0, updatedAt: now, task: null };
  state.turns += 1;
  state.updatedAt = now;
  core.setSession(state);
  const vector = await embedPrompt(core, prompt, where);
  const intent = state.task && vector ? await core.intentVector(state.task) : undefined;
  const similarity = intent && vector ? cosine(vector, intent) : undefined;
  const feedback = detectFeedback(prompt);
  const decision = decideBoundary({
    task: state.task ?? undefined,
    prompt,
    feedback,
    similarity,
    now,
    settings: core.deps.config.runtime,
  });
  const newTurn: TaskTurn = {
    at: now,
    prompt,
    tools: [],
    selectedIds: [],
    ...(input.runId ? { runId: input.runId } : {}),
  };
  const task = _applyDecision(core, {
    state,
    decision,
    newTurn,
    vector,
    where,
    now,
    prompt,
    feedback,
  });
  const memories = task
    ? await recallFor(core, { task, decision, vector, intent, newTurn, where })
    : [];
  const fixes = await liveHealing(core, input.raw, input.recent, where);
  await core.persist([state]);
  return inject(core, memories, fixes);
}

/**
 * `before_prompt_build` (see `createAgentHost`): validates, then runs the turn under the session's
 * lock. Never throws: anything wrong is logged and nothing is injected.
 */
export async function _beforePromptBuild(
  core: _HostCore,
  event: unknown,
  ctx: unknown,
): Promise<PromptInjection | undefined> {
  try {
    const hook = _parseHook(core, "before_prompt_build", BeforePromptBuildEventSchema, event, ctx);
    if (!hook) return undefined;
    const raw = stripOpenClawMetadata(hook.event.prompt);
    const prompt = core.clean(hook.event.prompt, TURN_TEXT_CHARS);
    const messages = toHookMessages(hook.event.messages);
    const recent = lastTurn(messages);
    const excluded = learningExclusion(hook.ctx, hook.event.prompt);
    const where = hook.sessionKey ? `session=${_sessionLabel(hook.sessionKey)}` : "session=none";
    core.log(
      `[lshml] hook before_prompt_build ${where} trigger=${_token(hook.ctx.trigger ?? "none")} ` +
        `promptChars=${prompt.length} messages=${messages.length} learn=${
          excluded ? `no(${excluded})` : "yes"
        }`,
    );
    await core.ensureLoaded();
    if (!hook.sessionKey || excluded) {
      // Automated and sub-agent turns teach nothing, but a known fix still helps them.
      return inject(core, [], await liveHealing(core, raw, recent, where));
    }
    const key = hook.sessionKey;
    const runId = hook.ctx.runId;
    return await core.withSession(
      key,
      () => turn(core, { key, prompt, raw, recent, ...(runId ? { runId } : {}) }),
    );
  } catch (error) {
    core.log(`[lshml] hook before_prompt_build failed: ${(error as Error).message}`);
    return undefined;
  }
}
