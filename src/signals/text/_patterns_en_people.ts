import type { PatternTable } from "./_pattern_table.ts";

// English phrasings that only people (or the assistant speaking for itself) use:
// feedback, requests, suggestions, admitted limits, and complaints about loops,
// recurring failures and stagnation. Negated forms are excluded with look-behinds
// ("not perfect" is not praise).

const NOT = String.raw`(?<!\bnot |n't |\bnot so |\bnot that |\bnot very |\bnever |\bno )`;
// "it would be nice if …" wishes for something; it does not praise what exists.
const WISH = String.raw`(?<!\bwould be |'d be |\bwould've been |\bwill be )`;

/** English people-phrased patterns, by signal type. */
export const EN_PEOPLE_PATTERNS: PatternTable = {
  user_correction: [
    [
      "thats_wrong",
      String
        .raw`\b(?:that's|that is|this is|it's|it is|that was|this was|you're|you are|you were|answer is|output is|result is) (?:still |completely |totally |all |just |clearly |definitely )?(?:wrong|incorrect|not (?:right|correct|what I (?:asked|wanted|meant|said))|mistaken)\b`,
    ],
    [
      "no_prefix",
      String.raw`^\s?\b(?:no|nope|nah)\b(?=[,.!]|\s+(?:that|this|it|you|I|not|wrong)\b)`,
    ],
    [
      "not_what",
      String
        .raw`\bnot what I (?:asked|wanted|meant|said|needed|expected|requested)\b|\bthat's not it\b|\bwrong (?:answer|file|output|result|command|approach|one|function|directory|folder|path|code|language|format|place|again)\b`,
    ],
    [
      "you_erred",
      String
        .raw`\byou (?:misunderstood|misread|got it wrong|made a mistake|broke|forgot|missed|ignored|messed up|deleted the wrong|changed the wrong)\b`,
    ],
    [
      "still_broken",
      String
        .raw`\b(?:still|again) (?:broken|wrong|failing|fails|failed|crashing|crashes|not working|doesn't work|does not work|didn't work|erroring|the same (?:error|problem|issue))\b`,
    ],
    [
      "didnt_work",
      String
        .raw`\b(?:it|that|this|your fix|the fix|your change|the change) (?:doesn't|does not|didn't|did not|won't|still doesn't) (?:work|help|compile|run|build|fix (?:it|anything|the))\b|\b(?:not|isn't|stopped) working\b|\bthat didn't fix\b`,
    ],
    [
      "i_meant",
      String
        .raw`\bI (?:meant|said|asked for|asked you to|told you to)\b(?! (?:thanks|thank you)\b)`,
    ],
    [
      "redo",
      String
        .raw`\b(?:try again|do it again|start over|undo (?:that|this|it)|revert (?:that|this|it|your change))\b`,
    ],
    [
      "why_still",
      String
        .raw`\bwhy (?:is|does|do|did|are|isn't|doesn't|won't|can't) (?:it |this |that |the \w+ )?(?:still|again|not)\b`,
    ],
  ],
  user_praise: [
    [
      "thanks",
      String
        .raw`\b(?<!\bno,? )(?:thanks|thank you|thx|tysm|many thanks|much appreciated|appreciate it|cheers)\b(?! in advance| for nothing)`,
    ],
    [
      "it_works",
      String
        .raw`\b(?<!\b(?:how|if|whether|why|until|when|what|see) )(?:it|that|this|everything|all) (?:worked|works)(?: now| perfectly| great| fine| like a charm| again)?\b(?!\s?\?| for (?:me|you) \?)`,
    ],
    [
      "works_now",
      String
        .raw`\b(?:works|working) (?:now|again|perfectly|great|fine)\b(?!\s?\?)|\b(?:it's|it is) working now\b`,
    ],
    [
      "great",
      String
        .raw`\b${NOT}${WISH}(?:perfect|excellent|awesome|amazing|brilliant|fantastic|wonderful|superb|great|nice|impressive|lovely|beautiful)\b(?! (?:question|point|idea)\b)`,
    ],
    [
      "well_done",
      String
        .raw`\b(?:good|great|nice|excellent) (?:job|work)\b|\b(?:well|nicely) done\b|\bnailed it\b|\bspot on\b|\blgtm\b|\blooks (?:good|great)\b|\blove (?:it|this)\b|\byou(?:'re| are) (?:the best|a lifesaver|a genius)\b|\byou rock\b`,
    ],
    [
      "exactly",
      String
        .raw`\bexactly what I (?:wanted|needed|asked for|was looking for)\b|\bthat(?:'s| is) (?:right|correct|exactly it)\b(?!\s?\?)`,
    ],
    [
      "fixed",
      String
        .raw`\b(?:that|this|it|you) (?:fixed|solved|resolved) it\b|\b(?:that|this) did (?:it|the trick)\b|\bproblem (?:solved|fixed)\b|\bworks for me\b`,
    ],
    ["emoji", "👍|🎉|🙏|🙌|💯|❤️|✅"],
  ],
  user_feature_request: [
    [
      "can_you_add",
      String
        .raw`\b(?:can|could|would|will) you (?:please )?(?:add|implement|include|support|make it (?:possible|support)|give (?:it|me|us) (?:the ability|an option|a way|a setting|a flag))\b`,
    ],
    ["please_add", String.raw`\bplease (?:add|implement|support|include|build in)\b`],
    [
      "i_want_feature",
      String
        .raw`\b(?:I|we)(?: want| would like|'d like| need| wish| would love|'d love)(?: to have| to see)? (?:a |an |the |some )?(?:new )?(?:feature|option|setting|ability|support|toggle|button|command|flag|mode|integration|shortcut|way to)\b`,
    ],
    [
      "feature_request",
      String
        .raw`\bfeature request\b|\badd(?:ing)? support for\b|\bit would be (?:great|nice|cool|awesome|helpful|useful|handy) (?:if (?:it|you|this|the \w+) could|to have)\b|\b(?:is it possible|would it be possible) to (?:add|support|have)\b|\bI wish (?:it|you|this|there)\b|\b(?:allow|let) (?:me|us|users) to\b`,
    ],
  ],
  user_improvement_suggestion: [
    [
      "would_be_better",
      String
        .raw`\b(?:it|that|this|things) would be (?:better|nicer|cleaner|faster|clearer|easier|simpler|more \w+) (?:if|to)\b|\bit'd be (?:better|nicer|cleaner|clearer|easier)\b|\bwould be better (?:if|to)\b`,
    ],
    ["you_should", String.raw`\byou (?:should(?:'ve| have)?|might want to|may want to|ought to)\b`],
    [
      "i_suggest",
      String
        .raw`\b(?:I (?:suggest|recommend|propose)|I'd (?:suggest|recommend)|I would (?:suggest|recommend)|my suggestion|a suggestion|one suggestion|suggestion:)|\bI(?:'d| would) prefer\b`,
    ],
    [
      "consider",
      String
        .raw`\b(?:consider (?:using|adding|making|switching|changing)|why not (?:use|try|just)|maybe (?:you could|try|use|add)|next time,?|instead of \w+,? (?:use|try|please|you))\b`,
    ],
    [
      "could_be_better",
      String
        .raw`\b(?:could|can) be (?:improved|better|faster|cleaner|simpler|simplified|more \w+)\b|\b(?:make it|keep it|be) (?:more|less|shorter|faster|simpler|cleaner|concise)\b`,
    ],
  ],
  capability_gap: [
    [
      "no_tool",
      String
        .raw`\bI (?:don't|do not|currently don't|currently do not|unfortunately don't) have (?:a |an |any |the )?(?:tools?|ability|capability|capabilities|access|way|means|function|plugin|integration|internet access|browsing|real-time)\b`,
    ],
    [
      "cannot_do",
      String
        .raw`\bI(?:'m| am) (?:not able|unable) to\b|\bI (?:can't|cannot|can not|won't be able to) (?:directly |currently |actually |personally )?(?:access|browse|open|run|execute|install|download|upload|send|make (?:phone )?calls?|call|see|view|visit|connect|interact|perform|use|control|click|fetch|retrieve|read (?:files|your|the contents)|modify your|do that|help with that|complete (?:this|that)|process (?:images|audio|video|files)|remember|generate images)\b`,
    ],
    [
      "beyond_me",
      String
        .raw`\b(?:beyond|outside(?: of)?) (?:my|the) (?:current )?(?:capabilit(?:y|ies)|abilities|scope of what I can)\b|\bnot something I can do\b|\bI lack the (?:ability|tools?|access|capability)\b|\bas an AI(?: language model)?,? I (?:can't|cannot|don't)\b`,
    ],
    [
      "no_such_tool",
      String
        .raw`\b(?:there is|there's) no (?:tool|function|plugin|integration) (?:available )?(?:for|to|that)\b|\bno (?:available )?tool (?:for|to|that can)\b|\bnone of my tools\b`,
    ],
  ],
  recurring_error: [
    [
      "same_again",
      String
        .raw`\b(?:same|that|this) (?:error|problem|issue|bug|failure|exception) (?:again|keeps|persists|is back|came back|returned|recurs|reappeared|happens again|happened again)\b`,
    ],
    [
      "keeps_failing",
      String
        .raw`\b(?:keeps?|kept) (?:failing|crashing|erroring|breaking|timing out|throwing|returning (?:the same )?errors?)\b`,
    ],
    [
      "recurring",
      String
        .raw`\brecurring (?:error|issue|problem|failure|bug|crash)\b|\b(?:failed|fails|failing|crashed|broke) again\b|\bagain and again\b|\bfor the (?:second|third|fourth|fifth|nth|\d+(?:st|nd|rd|th)) time\b`,
    ],
  ],
  repeated_tool_loop: [
    [
      "stuck_in_loop",
      String
        .raw`\b(?:stuck|caught|trapped|going|running|spinning) in (?:a |an )?(?:infinite |endless )?loop\b|\b(?:you're|you are|it's|it is|agent is) looping\b|\bgoing (?:round )?in circles\b`,
    ],
    [
      "keeps_calling",
      String
        .raw`\b(?:you|it|agent|the agent|the model|the assistant) (?:keeps?|kept) (?:calling|running|repeating|doing|executing|retrying|reading|searching|looping|invoking|trying) (?:the same|it|that|this)\b`,
    ],
    [
      "same_call",
      String
        .raw`\b(?:same|identical) (?:tool |function )?(?:call|command|request|action|search|query|step)s? (?:again|repeatedly|over and over|multiple times|\d+ times|in a row)\b|\bover and over(?: again)?\b`,
    ],
    [
      "limit_reached",
      String
        .raw`\b(?:max(?:imum)?|iteration|turn|step|retry) (?:iterations|retries|tool calls|steps|turns|limit) (?:reached|exceeded|hit)\b|\btoo many (?:tool calls|iterations|retries)\b|\bloop detected\b`,
    ],
  ],
  evolution_stagnation: [
    [
      "no_progress",
      String
        .raw`\b(?:making|made|there's|there is|with) no (?:real |further )?(?:progress|improvement)s?\b|\bno (?:progress|improvement) (?:at all|whatsoever|since|after|in)\b`,
    ],
    [
      "not_improving",
      String
        .raw`\b(?:it|you|agent|the agent|the model|the system|things)(?:'s|'re| is| are)? (?:not|never|still not) (?:getting (?:any )?better|improving|learning)\b|\b(?:hasn't|haven't|has not|have not|stopped) (?:gotten (?:any )?better|improved|improving|learning)\b`,
    ],
    [
      "stagnating",
      String
        .raw`\bstagnat(?:ed|es|ing|ion)\b|\bplateau(?:ed|ing|s)?\b|\bstill making the same mistakes?\b|\bnothing (?:has )?(?:changed|improved)\b`,
    ],
  ],
};
