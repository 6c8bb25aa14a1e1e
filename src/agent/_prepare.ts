import { detectFeedback, prepareClassifier } from "../signals/text/mod.ts";
import type { _HostCore } from "./_host_core.ts";
import { HookContextSchema } from "./hook_context.ts";
import {
  AfterToolCallEventSchema,
  AgentEndEventSchema,
  BeforePromptBuildEventSchema,
} from "./hook_events.ts";
import { toHookMessages } from "./hook_message.ts";
import { findKnownFixes } from "./live_healing.ts";
import { renderMemoryBlock } from "./memory_block.ts";
import { toolEventFromCall } from "./tool_events.ts";

/**
 * A turn in OpenClaw's shape with every role the extractor reads (user, assistant text and tool
 * calls, tool results with and without an error flag) in Latin and Han script: each (script,
 * role) pair builds its own prefilter on first use, a few ms each.
 */
const SAMPLE_TURN = [
  { role: "user", content: "read the settings; 请读取配置文件，谢谢" },
  {
    role: "assistant",
    content: [
      { type: "text", text: "I don't have a tool for that. 我没有这个工具。" },
      { type: "toolCall", id: "warm-up", name: "read", arguments: { path: "x" } },
    ],
    stopReason: "toolUse",
  },
  {
    role: "toolResult",
    toolCallId: "warm-up",
    toolName: "read",
    content: [{
      type: "text",
      text: '{"status":"error","tool":"read","error":"File not found: x"}',
    }],
    isError: true,
  },
  {
    role: "toolResult",
    toolCallId: "warm-up-2",
    toolName: "exec",
    content: [{
      type: "text",
      text: "ls: cannot access 'x': No such file or directory\n错误：找不到文件",
    }],
    isError: false,
  },
  { role: "assistant", content: [{ type: "text", text: "Done. 完成了。" }], stopReason: "stop" },
];

/** An `after_tool_call` event of a failed command, as OpenClaw sends it. */
const SAMPLE_TOOL_CALL = {
  toolName: "exec",
  params: { command: "ls x" },
  toolCallId: "warm-up-2",
  result: {
    content: [{ type: "text", text: "ls: cannot access 'x': No such file or directory" }],
    details: { status: "completed", exitCode: 2 },
  },
  durationMs: 1,
};

/**
 * The host's warm-up (see `AgentHost.prepare`): the code paths of a turn, run once on a fixed
 * sample — payload validation, feedback detection and the sanitiser, error extraction in four
 * languages, a knowledge lookup (which loads the cluster registry and fixes), one embedding, a
 * recall, the block. Saved sessions are not read here: an engine that is still finishing the
 * previous turn may yet write them; the first hook reads them.
 */
export async function _prepare(core: _HostCore): Promise<void> {
  const started = Date.now();
  try {
    prepareClassifier();
    await findKnownFixes({
      prompt: "Error: connect ECONNREFUSED 127.0.0.1:5432 (连接被拒绝)",
      recent: toHookMessages(SAMPLE_TURN),
      knowledge: core.deps.knowledge,
    });
    BeforePromptBuildEventSchema.safeParse({ prompt: "warm up", messages: SAMPLE_TURN });
    const toolCall = AfterToolCallEventSchema.safeParse(SAMPLE_TOOL_CALL);
    if (toolCall.success) toolEventFromCall(toolCall.data, (text, max) => core.clean(text, max));
    AgentEndEventSchema.safeParse({ messages: SAMPLE_TURN, success: true });
    HookContextSchema.safeParse({ sessionKey: "agent:main:main", trigger: "user" });
    for (
      const text of ["thanks, but it still fails", "danke, es geht", "谢谢，还是不行", "ありがとう"]
    ) {
      detectFeedback(text);
    }
    core.clean("warm up the sanitiser at /home/someone/x with token=abcdef0123456789", 200);
    const [vector] = await core.deps.embedder.embed(["warm up the embedder"]);
    const { retrieval } = core.deps.config;
    if (vector) await core.deps.memory.recall(vector, { delta: retrieval.delta, k1: retrieval.k1 });
    renderMemoryBlock({ memories: [{ id: "w", similarity: 1, experience: "warm up" }], fixes: [] });
    core.log(`lshml: ready (warm-up ${Date.now() - started} ms)`);
  } catch (error) {
    core.log(`lshml: warm-up skipped (${(error as Error).message})`);
  }
}
