/**
 * The turns `generate_fixtures.mjs` sends to the real OpenClaw CLI, and what the fake
 * model answers to each. Every `message` is unique, so the fake server can recognise the
 * turn by a substring of the last user message (see fake_model_server.mjs).
 *
 * `session` is an OpenClaw session key (bare keys are scoped to the agent: "zh-hans" →
 * "agent:main:zh-hans"); null means `--agent main` alone, i.e. "agent:main:main".
 * `signals` names what lshml should find in the stored transcript (DESIGN §6.1).
 * `exit` is the CLI exit status OpenClaw should return (1 for model errors).
 */

/** A command whose output is long enough (> 1 KiB) that OpenClaw stores the tool result zstd-compressed. */
const LONG_OUTPUT_COMMAND = `seq -f "build step %g: compiling module ok (cache miss, 12ms)" 1 60`;

/** A long assistant answer (> 1 KiB) so an assistant event is stored compressed too. */
const LONG_SUMMARY = [
  "Summary of today's session:",
  ...Array.from(
    { length: 12 },
    (_, i) =>
      `${i + 1}. Investigated the deployment pipeline step ${
        i + 1
      }; the configuration loader could not find its input file, so the step was retried and logged for follow-up.`,
  ),
  "Next: restore the missing data file, re-run the tests and confirm the deploy status.",
].join("\n");

/**
 * The turns, in order: English (session agent:main:main), then zh-Hans, zh-Hant and ja
 * sessions. Each: `{id, session, lang, exit, message, reply, signals, note?}` where `reply`
 * is a fake-server rule body (`text` | `toolCall` + `after` + `times` | `httpError`).
 */
export const SCENARIOS = [
  // ---- English, main session -------------------------------------------------------
  {
    id: "en-read-missing",
    session: null,
    lang: "en",
    exit: 0,
    message: "Please read config/settings.yaml and tell me which port the server uses.",
    reply: {
      toolCall: { name: "read", arguments: { path: "config/settings.yaml" } },
      after: "I couldn't read config/settings.yaml: the file does not exist in the workspace.",
    },
    signals: ["tool_error", "missing_resource"],
  },
  {
    id: "en-correction",
    session: null,
    lang: "en",
    exit: 0,
    message: "No, that's wrong. The settings live in config/app.yaml, read that one instead.",
    reply: {
      toolCall: { name: "read", arguments: { path: "config/app.yaml" } },
      after:
        "config/app.yaml is missing as well, so I still can't tell which port the server uses.",
    },
    signals: ["user_correction", "tool_error", "missing_resource"],
  },
  {
    id: "en-error-in-output",
    session: null,
    lang: "en",
    exit: 0,
    message: "Check the server log for errors.",
    reply: {
      toolCall: {
        name: "exec",
        arguments: {
          command:
            `echo "2026-11-20T09:14:03Z ERROR Error: ENOENT: no such file or directory, open '/srv/app/data/users.json'"`,
          title: "show the latest server log error",
        },
      },
      after: "The log shows the server failing to open /srv/app/data/users.json (ENOENT).",
    },
    signals: ["log_error", "missing_resource"],
    note: "tool result isError:false, content says ENOENT",
  },
  {
    id: "en-exit-code",
    session: null,
    lang: "en",
    exit: 0,
    message: "Run the test suite.",
    reply: {
      toolCall: {
        name: "exec",
        arguments: { command: "cat tests/missing_suite.txt", title: "run the tests" },
      },
      after: "The test run failed: tests/missing_suite.txt does not exist.",
    },
    signals: ["tool_error", "missing_resource"],
    note: "exec exits 1; OpenClaw records isError:false + '(Command exited with code 1)'",
  },
  {
    id: "en-why-broken",
    session: null,
    lang: "en",
    exit: 0,
    message: "Why is it still broken?",
    reply: {
      text: "Because /srv/app/data/users.json is still missing; restore it and restart the server.",
    },
    signals: ["user_correction"],
    note: "question-shaped negative feedback",
  },
  {
    id: "en-repeated-tool",
    session: null,
    lang: "en",
    exit: 0,
    message: "Is the deploy finished yet? Keep checking the deploy status.",
    reply: {
      toolCall: {
        name: "exec",
        arguments: { command: "echo 'deploy status: pending'", title: "check deploy status" },
      },
      times: 4,
      after: "The deploy is still pending after four checks.",
    },
    signals: ["repeated_tool_loop"],
    note: "the identical exec call 4 times in one turn",
  },
  {
    id: "en-long-output",
    session: null,
    lang: "en",
    exit: 0,
    message: "Show me the full build log.",
    reply: {
      toolCall: {
        name: "exec",
        arguments: { command: LONG_OUTPUT_COMMAND, title: "print the build log" },
      },
      after: "The build log has 60 steps and every module compiled.",
    },
    signals: [],
    note: "tool result > 1 KiB → stored as event_zstd",
  },
  {
    id: "en-long-answer",
    session: null,
    lang: "en",
    exit: 0,
    message: "Write a detailed summary of today's session.",
    reply: { text: LONG_SUMMARY },
    signals: [],
    note: "assistant text > 1 KiB → stored as event_zstd",
  },
  {
    id: "en-praise",
    session: null,
    lang: "en",
    exit: 0,
    message: "Thanks, that worked!",
    reply: { text: "Glad it works now!" },
    signals: ["user_praise"],
  },
  {
    id: "en-feature-request",
    session: null,
    lang: "en",
    exit: 0,
    message: "It would be great if you could also email me a daily summary of failed deploys.",
    reply: {
      text: "Noted. I can't send email yet, but I can write the summary to a file every day.",
    },
    signals: ["user_feature_request", "capability_gap"],
  },
  {
    id: "en-model-500",
    session: null,
    lang: "en",
    exit: 1,
    message: "Summarize the incident report for me.",
    reply: {
      httpError: { status: 500, message: "The server had an error while processing your request." },
    },
    signals: ["llm_error"],
    note: "OpenClaw retries 8 times (~90 s), then stores stopReason:error",
  },
  // ---- Simplified Chinese ------------------------------------------------------------
  {
    id: "zh-hans-read-missing",
    session: "zh-hans",
    lang: "zh-Hans",
    exit: 0,
    message: "请读取 config/数据库.yaml，告诉我数据库的端口。",
    reply: {
      toolCall: { name: "read", arguments: { path: "config/数据库.yaml" } },
      after: "没有找到 config/数据库.yaml 文件。",
    },
    signals: ["tool_error", "missing_resource"],
  },
  {
    id: "zh-hans-correction",
    session: "zh-hans",
    lang: "zh-Hans",
    exit: 0,
    message: "不对，这是错的。配置文件在 config/db.yaml，请重新读取。",
    reply: {
      toolCall: { name: "read", arguments: { path: "config/db.yaml" } },
      after: "config/db.yaml 也不存在。",
    },
    signals: ["user_correction", "tool_error"],
  },
  {
    id: "zh-hans-why-broken",
    session: "zh-hans",
    lang: "zh-Hans",
    exit: 0,
    message: "为什么还是不行？",
    reply: { text: "因为配置文件仍然缺失，请先创建 config/db.yaml。" },
    signals: ["user_correction"],
  },
  {
    id: "zh-hans-praise",
    session: "zh-hans",
    lang: "zh-Hans",
    exit: 0,
    message: "谢谢，问题解决了！",
    reply: { text: "不客气！" },
    signals: ["user_praise"],
  },
  {
    id: "zh-hans-feature-request",
    session: "zh-hans",
    lang: "zh-Hans",
    exit: 0,
    message: "希望能增加一个自动备份数据库的功能。",
    reply: { text: "好的，我记下了这个功能需求。" },
    signals: ["user_feature_request"],
  },
  // ---- Traditional Chinese -----------------------------------------------------------
  {
    id: "zh-hant-exit-code",
    session: "zh-hant",
    lang: "zh-Hant",
    exit: 0,
    message: "請幫我執行測試腳本 scripts/run_tests.sh。",
    reply: {
      toolCall: {
        name: "exec",
        arguments: { command: "sh scripts/run_tests.sh", title: "執行測試" },
      },
      after: "找不到 scripts/run_tests.sh，測試沒有執行。",
    },
    signals: ["tool_error", "missing_resource"],
  },
  {
    id: "zh-hant-correction",
    session: "zh-hant",
    lang: "zh-Hant",
    exit: 0,
    message: "不對，那是錯的，腳本應該在 tools/ 目錄裡。",
    reply: { text: "抱歉，我會改用 tools/run_tests.sh。" },
    signals: ["user_correction"],
  },
  {
    id: "zh-hant-why-broken",
    session: "zh-hant",
    lang: "zh-Hant",
    exit: 0,
    message: "為什麼還是壞的？",
    reply: { text: "因為 tools/run_tests.sh 也不存在，請先確認腳本的位置。" },
    signals: ["user_correction"],
  },
  {
    id: "zh-hant-praise",
    session: "zh-hant",
    lang: "zh-Hant",
    exit: 0,
    message: "謝謝，這樣就可以了！",
    reply: { text: "不客氣！" },
    signals: ["user_praise"],
  },
  {
    id: "zh-hant-feature-request",
    session: "zh-hant",
    lang: "zh-Hant",
    exit: 0,
    message: "希望可以新增匯出 CSV 報表的功能。",
    reply: { text: "好的，我會把匯出 CSV 的需求記下來。" },
    signals: ["user_feature_request"],
  },
  // ---- Japanese ----------------------------------------------------------------------
  {
    id: "ja-read-missing",
    session: "ja",
    lang: "ja",
    exit: 0,
    message: "設定ファイル config/設定.yaml を読んで、タイムアウト値を教えてください。",
    reply: {
      toolCall: { name: "read", arguments: { path: "config/設定.yaml" } },
      after: "config/設定.yaml が見つかりませんでした。",
    },
    signals: ["tool_error", "missing_resource"],
  },
  {
    id: "ja-correction",
    session: "ja",
    lang: "ja",
    exit: 0,
    message: "いいえ、それは違います。ファイルは config/app.toml です。",
    reply: { text: "失礼しました。config/app.toml を確認します。" },
    signals: ["user_correction"],
  },
  {
    id: "ja-why-broken",
    session: "ja",
    lang: "ja",
    exit: 0,
    message: "なぜまだ壊れているのですか？",
    reply: { text: "config/app.toml にタイムアウトの設定がないためです。" },
    signals: ["user_correction"],
  },
  {
    id: "ja-praise",
    session: "ja",
    lang: "ja",
    exit: 0,
    message: "ありがとうございます、うまくいきました！",
    reply: { text: "どういたしまして！" },
    signals: ["user_praise"],
  },
  {
    id: "ja-feature-request",
    session: "ja",
    lang: "ja",
    exit: 0,
    message: "ダークモードの機能を追加してほしいです。",
    reply: { text: "ダークモードの要望として記録しました。" },
    signals: ["user_feature_request"],
  },
  {
    // Must stay LAST: a billing-type 429 makes OpenClaw disable the provider's inline API
    // key for ~10 minutes (stored in the state DB), so every later turn would fail early.
    id: "ja-model-429-quota",
    session: "ja",
    lang: "ja",
    exit: 1,
    message: "今日のレポートを要約してください。",
    reply: {
      httpError: {
        status: 429,
        type: "insufficient_quota",
        code: "insufficient_quota",
        message: "You exceeded your current quota, please check your plan and billing details.",
      },
    },
    signals: ["llm_error", "integration_key_missing"],
    note: "billing error: no retries, stopReason:error",
  },
];

/**
 * The fake-server script for these scenarios: one rule per turn, matched by its message.
 * @returns {{rules: object[], default: {text: string}, afterToolResult: string}}
 */
export function fakeServerScript() {
  return {
    models: ["fake-model"],
    rules: SCENARIOS.map((s) => ({ match: s.message, ...s.reply })),
    default: { text: "OK." },
    afterToolResult: "Done.",
  };
}
