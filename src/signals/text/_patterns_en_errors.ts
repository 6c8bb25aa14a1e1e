import type { PatternTable } from "./_pattern_table.ts";

// English phrasings of error categories, as tools, logs and people write them.
// Each pattern starts at a word boundary (`\b`), which lets the matcher hoist the
// boundary out of the combined expression and skip mid-word positions cheaply.

const CANT = String.raw`(?:cannot|can't|can not|could not|couldn't|unable to|failed to)`;

/** English error-category phrases, by signal type. */
export const EN_ERROR_PATTERNS: PatternTable = {
  log_error: [
    [
      "error_prefix",
      String
        .raw`\b(?:error|fatal|uncaught error|unhandled error)(?:\[[\w-]+\])?:(?:\s|$)(?!\s?(?:null|none|false|true|nil|undefined|unknown|any|string|number|boolean|object|Error|Exception|err|e|\d+\s?[,;}])\b|\s?[{[("'\x60])`,
    ],
    [
      "error_occurred",
      String
        .raw`\b(?:error|exception)s? (?:has |have |had )?(?:occurred|occurs|occurring|was thrown|were thrown|was raised|is thrown|happened|happens|popped up|came up|showed up)\b`,
    ],
    [
      "got_error",
      String
        .raw`\b(?:got|get|getting|gets|received|receiving|threw|throws|throwing|raised|raises|hit|hitting|seeing|saw|encountered|encountering|ran into|running into|run into|showed|showing|gives|gave|giving) (?:me )?(?:an? |the |this |that |some |following |same |another |these |those )?(?:\w+ )?(?:error|exception|traceback|stack trace)s?\b(?! (?:handling|handler|class|type|boundar\w*|page|reporting|rate|bars?|recovery|checking|propagation))`,
    ],
    ["went_wrong", String.raw`\bwent wrong\b`],
    ["failed_to", String.raw`\bfailed to (?!be\b|mention\b|notice\b|realize\b|understand\b)[a-z]+`],
    [
      "step_failed",
      String
        .raw`\b(?:command|build|compilation|compile|tests?|job|task|step|deploy(?:ment)?|install(?:ation)?|process|script|migration|request|query|operation|run|check|pipeline|upload|download|commit|push|merge|call) (?:has |have |had |just )?(?:failed|fails|errored|crashed)\b`,
    ],
    [
      "crashed",
      String
        .raw`\b(?:crashed|crashes|crashing|segmentation fault|segfault|core dumped|panicked at|kernel panic|bus error|double free)\b`,
    ],
    [
      "stack_overflow",
      String.raw`\b(?:maximum call stack size exceeded|stack overflow(?:ed| error| exception))\b`,
    ],
    [
      "unhandled",
      String
        .raw`\b(?:uncaught|unhandled)(?: promise)? (?:exception|error|rejection|\w*Error)\b|\bUnhandledPromiseRejection\w*|\bassertion (?:failed|error)\b`,
    ],
    [
      "kind_error",
      String
        .raw`\b(?:fatal|critical|internal|unexpected|unknown|runtime|compile|compilation|build|server) error\b`,
    ],
  ],
  tool_error: [
    [
      "tool_failed",
      String
        .raw`\btool(?: call| execution| invocation| use| run)? (?:failed|errored|returned an? error|threw|crashed)\b`,
    ],
    [
      "named_tool_failed",
      String
        .raw`\btool [\x60'"]?[\w.-]{1,40}[\x60'"]? (?:failed|errored|returned an? error|threw an? (?:error|exception))\b`,
    ],
    [
      "error_calling_tool",
      String
        .raw`\b(?:error|failure|failed) (?:while |when )?(?:calling|executing|running|invoking) (?:the )?(?:tool|function)\b|\bfailed to (?:call|execute|invoke|run) (?:the )?(?:tool|function)\b|\bfunction call (?:failed|error)\b`,
    ],
  ],
  llm_error: [
    [
      "context_length",
      String
        .raw`\b(?:maximum context length|context (?:length|window) (?:exceeded|is full|limit (?:exceeded|reached))|prompt is too long|too many tokens|token limit (?:exceeded|reached)|exceeds? (?:the )?(?:model's )?(?:maximum |max )?(?:context|token) (?:length|limit|window))\b`,
    ],
    [
      "overloaded",
      String
        .raw`\b(?:model|server|api|engine|provider|service) (?:is |was |currently )?overloaded\b`,
    ],
    [
      "model_error",
      String
        .raw`\b(?:llm|model|completion|inference|provider|openai|anthropic|ollama)(?: api)? (?:error|call failed|request failed|returned an? (?:error|empty response)|failed to respond|did not respond)\b|\bempty (?:response|completion|reply) from (?:the )?(?:model|llm|provider|api)\b`,
    ],
    [
      "model_missing",
      String
        .raw`\bmodel [\x60'"]?[\w.:/-]{1,60}[\x60'"]? (?:not found|does not exist|is not available|is not supported)\b`,
    ],
    [
      "content_filter",
      String
        .raw`\bblocked by (?:the )?(?:safety|content) (?:filter|policy|system)\b|\bcontent (?:filter|policy) (?:triggered|violation)\b`,
    ],
  ],
  timeout: [
    ["timed_out", String.raw`\btime[sd][- ]?out\b`],
    ["timeout_event", [
      String.raw`\btime-?out (?:error|exceeded|expired|reached|occurred|elapsed|exception)\b`,
      String.raw`\btime-?out after \d`,
      String.raw`\btime-?out of \d+\s?m?s exceeded\b`,
    ]],
    ["deadline", String.raw`\bdeadline (?:exceeded|expired)\b`],
    [
      "gateway_timeout",
      String
        .raw`\b(?:gateway|request|connection|socket|read|idle|lock|query|upstream|server|network) time-?out\b(?!\s?(?:[:=(]|to\b|of\b|value|setting|option|param\w*|in\b|is set|should|can\b|must|ms\b|seconds?\b))`,
    ],
    [
      "took_too_long",
      String
        .raw`\btook too long to (?:respond|reply|answer|connect|load|return|complete|finish)\b|\b(?:exceeded|hit|reached) (?:the |its |a )?(?:time ?limit|timeout)\b`,
    ],
    [
      "no_response",
      String.raw`\b(?:did not|didn't|never) (?:respond|answer|reply) (?:in time|within)\b`,
    ],
  ],
  permission_denied: [
    ["permission_denied", String.raw`\bpermissions? denied\b`],
    ["access_denied", String.raw`\baccess (?:is |was )?(?:denied|forbidden)\b|\b(?-i:Forbidden)\b`],
    ["not_permitted", String.raw`\b(?:operation )?not permitted\b`],
    [
      "no_permission",
      String
        .raw`\b(?:insufficient|missing|no|lacking) (?:permissions?|privileges?|access rights|rights|scopes?)\b|\b(?:don't|do not|doesn't|does not|didn't|did not) have (?:the )?(?:necessary |required |sufficient |enough |proper )?(?:permissions?|privileges?|rights|write access|read access)\b`,
    ],
    ["unauthorized", String.raw`\b(?:unauthori[sz]ed|not authori[sz]ed)\b`],
    [
      "needs_root",
      String
        .raw`\b(?:requires?|need|needs) (?:root|admin(?:istrator)?|sudo|elevated|superuser) (?:privileges?|permissions?|access|rights)\b|\bRequires (?:read|write|net|env|run|sys|ffi|import) access\b`,
    ],
    ["read_only_fs", String.raw`\bread-only file ?system\b`],
    [
      "was_denied",
      String
        .raw`\b(?:request|access|permission|operation|action|call) (?:was|were|is|has been) (?:denied|rejected|blocked)\b`,
    ],
  ],
  missing_resource: [
    [
      "no_such",
      String
        .raw`\bno such (?:file|directory|file or directory|key|table|column|bucket|container|image|object|module|command|entity|resource|user|element|process|path|branch|remote|option|method|attribute|field|index|database)\b`,
    ],
    ["not_found", String.raw`\bnot found\b`],
    [
      "cannot_find",
      String
        .raw`\b${CANT} (?:find|locate)\b|\b${CANT} resolve (?:module|import|dependency|dependencies|package|path|specifier|reference|file|['"\x60])`,
    ],
    [
      "does_not_exist",
      String
        .raw`\b(?:does not|doesn't|did not|didn't|no longer) exists?\b|\bnon-?existent (?:file|directory|path|key|table|module|resource|user|model)\b`,
    ],
    [
      "missing_thing",
      String
        .raw`\bmissing (?:file|files|module|dependency|dependencies|package|directory|folder|resource|asset|binary|executable|config(?:uration)?(?: file)?|script|template|import|table|column)\b`,
    ],
    [
      "not_recognized",
      String.raw`\bis not recognized as an internal or external command\b|\bcommand not found\b`,
    ],
  ],
  network_failure: [
    [
      "connection",
      String
        .raw`\bconnection (?:was )?(?:refused|reset|closed|aborted|lost|failed|error|dropped|terminated|interrupted)\b|\b${CANT} (?:connect|reach|establish (?:a )?connection)\b`,
    ],
    ["socket", String.raw`\bsocket hang ?up\b|\bbroken pipe\b|\bsocket (?:closed|error)\b`],
    [
      "network",
      String
        .raw`\bnetwork (?:error|is unreachable|unreachable|failure|request failed|connection (?:lost|failed)|is down|issues?|problems?|timeout)\b|\bfetch failed\b|\bfailed to fetch\b`,
    ],
    [
      "dns",
      String
        .raw`\b${CANT} resolve (?:host|hostname|the host|domain|address)\b|\bgetaddrinfo\b|\bname or service not known\b|\bno such host\b|\bDNS (?:lookup|resolution|query) (?:failed|error)\b|\btemporary failure in name resolution\b`,
    ],
    [
      "tls",
      String
        .raw`\b(?:SSL|TLS) (?:handshake (?:failed|error)|error)\b|\bcertificate (?:verify failed|verification failed|has expired|expired|is not trusted|not trusted)\b|\bself[- ]signed certificate\b`,
    ],
    [
      "unavailable",
      String
        .raw`\bbad gateway\b|\bservice (?:temporarily )?unavailable\b|\binternal server error\b|\b(?:host|server|network) (?:is )?(?:unreachable|down|not responding)\b|\bno route to host\b`,
    ],
    [
      "rate_limited",
      String
        .raw`\btoo many requests\b|\brate[- ]?limit(?:ed\b| exceeded| reached| hit| error)|\b(?:hit|exceeded|reached) (?:the |a |our |my |your )?rate[- ]?limit`,
    ],
    [
      "offline",
      String
        .raw`\b(?:you are|you're|we are|we're|I am|I'm|currently|appears to be|device is|machine is) offline\b|\bno internet(?: connection| access)?\b|\binternet (?:is down|connection (?:lost|failed|is down))\b`,
    ],
  ],
  integration_key_missing: [
    [
      "bad_key",
      String
        .raw`\b(?:missing|invalid|no|expired|revoked|incorrect|wrong|bad|empty|undefined) (?:api[ _-]?key|access[ _-]?token|auth(?:entication)? token|secret key|bearer token|api[ _-]?token|credentials)\b`,
    ],
    [
      "key_state",
      String
        .raw`\b(?:api[ _-]?key|access[ _-]?token|api[ _-]?token|secret[ _-]?key|credentials?)s? (?:is |are |was |were |has |have )?(?:not (?:set|found|provided|configured|present|valid|defined|available)|missing|invalid|required|expired|revoked|incorrect|empty|undefined|absent)\b`,
    ],
    [
      "key_needed",
      String
        .raw`\b(?:no|without an?) (?:api[ _-]?key|key|token|credentials?) (?:configured|set|provided|found)\b|\bplease (?:set|provide|configure|add) (?:your |an? |the )?(?:api[ _-]?key|access token|credentials|[A-Z0-9_]*_(?:API_)?KEY)\b`,
    ],
    [
      // An exhausted quota or unpaid plan blocks the integration like a missing key does:
      // the operator has to fix the account, not the agent retry.
      "quota_billing",
      String
        .raw`\bexceeded (?:your|the) (?:current )?quota\b|\bquota exceeded\b|\bout of credits\b|\binsufficient (?:credits|balance|quota)\b|\bcheck your plan and billing\b`,
    ],
    [
      "auth_failed",
      String
        .raw`\bauthentication (?:failed|required|error)\b|\bincorrect api key\b|\bnot logged in\b|\blogin required\b|\bplease (?:log ?in|sign in|authenticate) first\b`,
    ],
  ],
  parse_error: [
    [
      "unexpected_token",
      String
        .raw`\bunexpected (?:token|character|char|end of (?:json )?input|end of file|EOF|identifier|string|number|symbol|indent|keyword)\b`,
    ],
    ["syntax_error", String.raw`\b(?:invalid syntax|syntax error)\b`],
    [
      "invalid_format",
      String
        .raw`\b(?:invalid|malformed|not valid|broken) (?:json|yaml|xml|toml|csv|input|request body|response body|payload|config(?:uration)?(?: file)?|escape|character|regular expression|regex)\b|\bis not valid (?:json|yaml|xml|toml)\b`,
    ],
    [
      "parse_failed",
      String
        .raw`\b(?:failed|unable|could not|couldn't|cannot|can't) (?:to )?(?:parse|decode|deserialize|unmarshal)\b|\b(?:parse|parsing|decode|decoding|deserialization|unmarshal(?:l?ing)?) (?:error|failure|failed|exception)\b`,
    ],
    [
      "unterminated",
      String
        .raw`\bunterminated (?:string|comment|regexp|regular expression|template|literal)\b|\bmissing (?:closing|opening) (?:bracket|brace|quote|parenthesis)\b`,
    ],
  ],
  unsupported_input_type: [
    ["not_supported", String.raw`\bnot supported\b|\bunsupported\b`],
    [
      "does_not_support",
      String
        .raw`\b(?:does not|doesn't|do not|don't|cannot|can't|can not) (?:support|handle|accept|process) (?:this |that |the |these |those )?(?:file |image |media |content |input |data )?(?:type|format|files?|images?|audio|video|pdfs?|attachments?|binary|binaries|mime|encoding|extension)s?\b`,
    ],
    [
      "bad_type",
      String
        .raw`\b(?:invalid|unknown|unrecognized|unrecognised|wrong) (?:file|content|mime|media|input|data) ?(?:type|format|extension)\b|\bmust be (?:of type|an? (?:string|number|integer|array|object|buffer|instance of))\b`,
    ],
    ["only_supports", String.raw`\bonly (?:supports|accepts|handles)\b`],
  ],
  perf_bottleneck: [
    [
      "too_slow",
      String
        .raw`\b(?:too|very|so|really|extremely|painfully|super|incredibly|unbearably|way too) slow\b|\bsluggish\b|\b(?:slowed|slowing|slows) down\b|\bslow (?:response|query|queries|performance|build|startup|loading|request|down)s?\b`,
    ],
    [
      "took_long",
      String
        .raw`\b(?:took|takes|taking|take) (?:about |around |over |almost |nearly |more than |roughly )?(?:[1-9]\d{3,}(?:\.\d+)? ?ms|(?:[5-9]|[1-9]\d+)(?:\.\d+)? ?(?:s|secs?|seconds)|\d+(?:\.\d+)? ?(?:m|mins?|minutes|h|hrs?|hours))\b`,
    ],
    [
      "takes_forever",
      String
        .raw`\b(?:takes?|taking|took) (?:forever|ages|too long|way too long|so long|a long time)\b`,
    ],
    [
      "memory",
      String
        .raw`\bout of memory\b|\bheap out of memory\b|\bmemory (?:leak|leaks|leaking|exhausted|pressure)\b|\bmemory usage (?:is )?(?:too |very )?(?:high|spik\w*)|\bhigh (?:memory|cpu|latency|load)(?: usage)?\b`,
    ],
    [
      "cpu",
      String.raw`\bcpu (?:usage |load )?(?:at |is |of |hits? |reached |pegged at )?(?:9\d|100) ?%`,
    ],
    [
      "hang",
      String
        .raw`\b(?:hangs|hanging|hung|freezes|freezing|froze|unresponsive|stalls|stalled)\b|\bfrozen\b(?!\s?[=:])`,
    ],
    [
      "latency",
      String
        .raw`\b(?:high|huge|large|increased|bad|terrible|poor) latency\b|\blatency (?:spikes?|issues?|problems?)\b|\bbottleneck(?:s|ed)?\b|\bperformance (?:issues?|problems?|regression|degradation|hit|bottleneck)\b|\blaggy\b|\blagging\b`,
    ],
  ],
};
