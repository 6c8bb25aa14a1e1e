import type { PatternTable } from "./_pattern_table.ts";

// Machine error strings: errno names, HTTP status lines, exception class names,
// log-level tokens and JSON error fields. They read the same whatever language the
// surrounding text is in, so they live apart from the English phrases and are
// reported with lang "en" (the language they are spelled in).

// "HTTP 404", "status: 503", "returned 429": a status code needs its introducer, or
// every timestamp and port number would count.
const HTTP = String
  .raw`\b(?:HTTP(?:/[\d.]+)?|status(?: code)?|status_code|error|returned|received)[ :="']{1,3}`;

/** Language-neutral machine strings, by signal type. */
export const SYS_PATTERNS: PatternTable = {
  log_error: [
    ["level_token", String.raw`\b(?-i:ERROR|FATAL|CRITICAL|SEVERE|PANIC)\b`],
    ["npm_err", String.raw`\b(?-i:ERR)!`],
    [
      "level_field",
      String.raw`\b(?:level|severity|lvl)"?\s?[:=]\s?"?(?:error|fatal|critical|crit|err|emerg)\b`,
    ],
    ["bracket_level", String.raw`[[<](?:error|fatal|err|critical|crit|severe)[\]>]`],
    [
      "exception_class",
      // Starts at the capital, so lower-case words cost one check (java.lang.X matches at X).
      String.raw`\b(?-i:[A-Z][\w$]*(?:Error|Exception))(?=:|\s+(?:at|in)\b|\s*\n|\s*$)`,
    ],
    ["traceback", String.raw`\bTraceback \(most recent call last\)`],
    ["json_error_field", [
      String.raw`"(?:error|errorMessage|error_message|err)"\s?:\s?(?:"[^"]|\{)`,
      String.raw`"(?:status|state|result|outcome|level)"\s?:\s?"(?:error|failed|failure|fatal)"`,
    ]],
    ["exit_code", [
      String
        .raw`\b(?:exited|exit(?:ed)? with|returned|terminated with|failed with|finished with) (?:exit )?(?:code|status) [1-9]\d*\b`,
      String.raw`\bexit (?:code|status)[:= ]{1,3}[1-9]\d*\b`,
      String.raw`\b(?:non-zero|nonzero) exit\b`,
    ]],
    ["signal_crash", String.raw`\b(?:SIGSEGV|SIGABRT|SIGBUS|SIGILL|SIGFPE)\b`],
    ["test_failed", [
      String.raw`\b(?-i:FAILED|FAIL)\b`,
      String
        .raw`\b[1-9]\d* (?:tests? |specs? |checks? |assertions? )?(?:failed|failing|failures?|errors?)\b`,
    ]],
  ],
  tool_error: [
    [
      "tool_error_class",
      String.raw`\b(?-i:ToolError|ToolException|ToolExecutionError|tool_use_error|tool_error)\b`,
    ],
    ["is_error_true", String.raw`"is_?error"\s?:\s?true\b`],
  ],
  llm_error: [
    [
      "api_error_code",
      String
        .raw`\b(?:context_length_exceeded|max_tokens_exceeded|string_above_max_length|overloaded_error|insufficient_quota|rate_limit_error|invalid_request_error|model_not_found|content_policy_violation|content_filter)\b`,
    ],
    ["stop_reason_error", String.raw`\bstop_?reason"?\s?[:=]\s?"?error\b`],
  ],
  timeout: [
    [
      "errno",
      String
        .raw`\b(?:ETIMEDOUT|ESOCKETTIMEDOUT|ETIME|DEADLINE_EXCEEDED|ERR_TIMED_OUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT)\b`,
    ],
    [
      "timeout_class",
      String.raw`\b(?-i:Timeout(?:Error|Exception)|[A-Z]\w*Timeout(?:Error|Exception))\b`,
    ],
    ["http_408_504", [
      String.raw`\b(?:408 Request|504 Gateway) Time-?out\b`,
      `${HTTP}(?:408|504)\\b`,
    ]],
  ],
  permission_denied: [
    ["errno", String.raw`\b(?:EACCES|EPERM|EROFS|ERR_ACCESS_DENIED)\b`],
    ["http_401_403", [String.raw`\b(?:401 Unauthori[sz]ed|403 Forbidden)\b`, `${HTTP}40[13]\\b`]],
    [
      "error_class",
      String
        .raw`\b(?-i:PermissionError|PermissionDenied(?:Error)?|AccessDenied(?:Exception)?|AccessDeniedException|NotAllowedError|SecurityException|UnauthorizedAccessException|NotCapable)\b`,
    ],
  ],
  missing_resource: [
    [
      "errno",
      String
        .raw`\b(?:ENOENT|ENOTDIR|ERR_MODULE_NOT_FOUND|MODULE_NOT_FOUND|NoSuchKey|NoSuchBucket|ResourceNotFound)\b`,
    ],
    ["http_404", [String.raw`\b404 Not Found\b`, `${HTTP}404\\b`]],
    [
      "error_class",
      String
        .raw`\b(?-i:FileNotFoundError|ModuleNotFoundError|FileNotFoundException|NoSuchFileException|ClassNotFoundException|NotFoundError|NotFoundException|ImportError)\b`,
    ],
  ],
  network_failure: [
    [
      "errno",
      String
        .raw`\b(?:ECONNREFUSED|ECONNRESET|ECONNABORTED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ENETDOWN|EAI_AGAIN|EPIPE|ERR_NETWORK|ERR_CONNECTION_\w+|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|UND_ERR_SOCKET|CERT_HAS_EXPIRED|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT)\b`,
    ],
    [
      "error_class",
      String
        .raw`\b(?-i:NetworkError|ConnectionError|ConnectError|ConnectionRefusedError|ConnectionResetError|ConnectTimeoutError|FetchError|APIConnectionError|SSLError|UnknownHostException|SocketException)\b`,
    ],
    ["http_5xx", [
      String
        .raw`\b(?:500 Internal Server Error|502 Bad Gateway|503 Service (?:Temporarily )?Unavailable)\b`,
      `${HTTP}(?:500|502|503|504|507|508|520|521|522|523|524|529)\\b`,
    ]],
    ["http_429", [String.raw`\b429 Too Many Requests\b`, `${HTTP}429\\b`]],
  ],
  integration_key_missing: [
    [
      "error_code",
      String
        .raw`\b(?:invalid_api_key|missing_api_key|invalid_token|token_expired|authentication_error|AuthenticationError|Unauthenticated)\b`,
    ],
    [
      "env_var_unset",
      String
        .raw`\b(?-i:[A-Z][A-Z0-9]*_(?:API_KEY|KEY|TOKEN|SECRET|ACCESS_KEY(?:_ID)?|SECRET_ACCESS_KEY))\b(?: environment variable| env var)? (?:is )?(?:not set|missing|undefined|required|empty|not defined|not found|unset)\b`,
    ],
  ],
  parse_error: [
    [
      "error_class",
      String
        .raw`\b(?-i:SyntaxError|JSONDecodeError|YAMLException|YAMLError|ParseError|ParseException|JsonParseException|JsonSyntaxException|XMLSyntaxError|TomlError|UnmarshalTypeError|MalformedJsonException|DecodeError|InvalidJSONError|ScannerError)\b`,
    ],
    ["json_parse", [
      String.raw`\bJSON\.parse\b(?!\s?\()`,
      String.raw`\bin JSON at position \d+`,
      String.raw`\bExpecting (?:value|property name|',' delimiter): line \d+`,
    ]],
  ],
  unsupported_input_type: [
    ["http_415", [String.raw`\b415 Unsupported Media Type\b`, `${HTTP}415\\b`]],
    [
      "error_code",
      String
        .raw`\b(?:ERR_UNKNOWN_FILE_EXTENSION|ERR_UNSUPPORTED_\w+|UnsupportedOperationException|UnsupportedMediaType|ERR_INVALID_ARG_TYPE)\b`,
    ],
  ],
  perf_bottleneck: [
    [
      "oom",
      String
        .raw`\b(?:ENOMEM|OOMKilled|MemoryError|OutOfMemoryError|(?-i:OOM)|JavaScript heap out of memory|GC overhead limit exceeded)\b`,
    ],
  ],
  repeated_tool_loop: [
    [
      "limit_code",
      String.raw`\b(?:max_iterations_reached|max_turns_exceeded|loop_detected|recursion_limit)\b`,
    ],
  ],
};
