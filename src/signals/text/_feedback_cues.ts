// Feedback cues by concept, each spelled in the four languages. The order is the
// matching priority at a shared start position, so negated forms come before the
// words they negate ("not bad" before "bad", 没问题 before 有问题, 良くない before 良い).

/** What a cue says about the user's verdict. */
export type CueKind = "positive" | "negative" | "weak" | "contrast";

/** One feedback cue: id (sigil + name), kind, weight in [0, 1], spellings. */
export interface FeedbackCue {
  /** `+name` positive, `-name` negative, `?name` question-shaped negative, `=` weak, `~` contrast. */
  readonly id: string;
  readonly kind: CueKind;
  /** How strongly the cue alone signals its polarity (0.2 vague … 0.9 explicit). */
  readonly weight: number;
  readonly en: string;
  readonly zhHans: string;
  readonly zhHant: string;
  readonly ja: string;
  /** Script-neutral spellings (emoji). */
  readonly any?: string;
}

// "why doesn't it …", or "why is/does …" followed within a clause by a failure word.
const WHY_NOT = String.raw`\bwhy (?:isn't|doesn't|won't|can't|didn't) (?:it|this|that)\b`;
const WHY_STILL = String
  .raw`\bwhy (?:is|does|do|did|are|am I)\b[^?.!\n]{0,40}?\b(?:still|again|not|broken|fail\w*|wrong|error\w*|crash\w*)\b`;

/** Every feedback cue, in matching priority. */
export const FEEDBACK_CUES: readonly FeedbackCue[] = [
  {
    id: "=ok",
    kind: "weak",
    weight: 0.2,
    en: String
      .raw`^\s*(?:ok(?:ay)?|k|kk|fine|sure|got it|alright|all right|yes|yep|yeah|hmm*|noted|understood|continue|go on|next|cool)[\s.!]*$`,
    zhHans: "^\\s*(?:好的?|嗯+|行|可以|ok|收到|了解|知道了|继续|好吧|好了)[。！!~～\\s]*$",
    zhHant: "^\\s*(?:好的?|嗯+|行|可以|ok|收到|了解|知道了|繼續|好吧|好了)[。！!~～\\s]*$",
    ja:
      "^\\s*(?:はい|うん|了解(?:です|しました)?|わかりました|分かりました|OK|オーケー|なるほど|承知しました|続けて(?:ください)?)[。！!\\s]*$",
  },
  {
    id: "+no_problem",
    kind: "positive",
    weight: 0.5,
    en: String.raw`\bnot bad\b|\bno (?:problems?|issues?|complaints)\b(?! with)|\bnothing wrong\b`,
    zhHans: "没有?问题|还?不错|没毛病|还行",
    zhHant: "沒有?問題|還?不錯|沒毛病|還行",
    ja: "問題(?:あり|ござい)ません|問題(?:は)?ない|悪くない|大丈夫(?!じゃ|では)|いい感じ",
  },
  {
    id: "+no_longer_fails",
    kind: "positive",
    weight: 0.8,
    en: String
      .raw`\bno longer (?:fails|failing|crash(?:es|ing)?|errors?|erroring|broken|throws|hangs)\b|\bno (?:more )?errors?(?: now| anymore)\b|\bnot (?:failing|crashing|broken|erroring) anymore\b`,
    zhHans: "不再(?:报错|出错|失败|崩溃|卡)|没有?再?报错了|不报错了",
    zhHant: "不再(?:報錯|出錯|失敗|崩潰|卡)|沒有?再?報錯了|不報錯了",
    ja: "エラーが(?:出なく|消え)|もう(?:エラー(?:は)?出(?:ない|ません)|落ちない)",
  },
  {
    id: "?why_still",
    kind: "negative",
    weight: 0.9,
    en: `${WHY_NOT}|${WHY_STILL}`,
    zhHans: "(?:为什么|为啥|怎么)(?:还是|又|还|仍然|依然)",
    zhHant: "(?:為什麼|為啥|怎麼)(?:還是|又|還|仍然|依然)",
    ja: "(?:なんで|なぜ|どうして)(?:まだ|また|動かない|エラー)",
  },
  {
    id: "-still_broken",
    kind: "negative",
    weight: 0.9,
    en: String
      .raw`\b(?:still|again) (?:broken|wrong|fails|failing|failed|crash(?:es|ing|ed)?|not working|doesn't work|does not work|didn't work|errors?|erroring|the same)\b`,
    zhHans:
      "还是(?:不行|不对|报错|出错|有问题|失败|没用|一样|不能用|错)|又(?:报错|出错|失败|崩溃|错)了?",
    zhHant:
      "還是(?:不行|不對|報錯|出錯|有問題|失敗|沒用|一樣|不能用|錯)|又(?:報錯|出錯|失敗|崩潰|錯)了?",
    ja:
      "(?:まだ|相変わらず|やっぱり)(?:動かない|動きません|エラー|失敗|直って(?:い)?ない|直りません|ダメ|だめ|うまくいかない|同じ)|また(?:エラー|失敗|落ち)",
  },
  {
    id: "-not_good",
    kind: "negative",
    weight: 0.65,
    en: String
      .raw`\bnot (?:great|good|perfect|right|correct|quite right|helpful|ideal)\b|\b(?:isn't|wasn't|doesn't look) (?:right|good|correct)\b|\bno good\b`,
    zhHans: "不(?:太|是很|够|怎么)?好(?!意思|的|吗|吧|了)|不完美|不太行",
    zhHant: "不(?:太|是很|夠|怎麼)?好(?!意思|的|嗎|吧|了)|不完美|不太行",
    ja: "良くない|よくない|完璧(?:では|じゃ)ない|大丈夫(?:じゃ|では)ない|微妙",
  },
  {
    id: "-not_working",
    kind: "negative",
    weight: 0.85,
    en: String
      .raw`\b(?:not working|doesn't work|does not work|didn't work|did not work|won't work|isn't working|stopped working|not fixed|isn't fixed|didn't fix|did not fix|doesn't fix|didn't help|doesn't help|no luck)\b`,
    zhHans: "不行|没用(?!过)|不管用|不起作用|没效果|没有?(?:解决|修好|修复|生效)|有问题",
    zhHant: "不行|沒用(?!過)|不管用|不起作用|沒效果|沒有?(?:解決|修好|修復|生效)|有問題",
    ja:
      "動かない|動きません|うまく(?:いかない|いきません)|直って(?:い)?ない|直っていません|効果がない|効いていない|使えない|使えません|ダメ|だめ",
  },
  {
    id: "-wrong",
    kind: "negative",
    weight: 0.85,
    en: String
      .raw`\b(?:that's|that is|this is|it's|it is|you're|you are) (?:still |completely |totally |just )?(?:wrong|incorrect|mistaken)\b|\bwrong (?:answer|file|output|result|again)\b|\byou (?:misunderstood|got it wrong|made a mistake)\b|\bnot what I (?:asked|wanted|meant)\b`,
    zhHans:
      "(?<!对)不对(?!称|齐|外|应)|(?<!我[写搞弄说算做改看]?)错了|不是我要的|不是这样|你(?:理解|搞|弄)错了",
    zhHant:
      "(?<!對)不對(?!稱|齊|外|應)|(?<!我[寫搞弄說算做改看]?)錯了|不是我要的|不是這樣|你(?:理解|搞|弄)錯了",
    ja:
      "違います|違う(?:よ|って|でしょ|じゃん|ね|んだ|の|。|！|!|$)|間違って(?:いる|います|る|た)|間違い(?:です|だ)|そうじゃな(?:い|くて)",
  },
  {
    id: "-broken",
    kind: "negative",
    weight: 0.7,
    en: String
      .raw`\b(?:it|that|this|everything|the \w+)(?: is| was|'s)? (?:broken|broke|crashed|crashes|fails|failed|failing|buggy)\b|\b(?:got|getting|throws) (?:an? |the )?(?:error|exception)\b|\b(?:errors?|exceptions?) (?:again|now|still)\b`,
    zhHans: "报错了|出错了|失败了|崩溃了|挂了|有\\s?bug",
    zhHant: "報錯了|出錯了|失敗了|崩潰了|掛了|當掉了|有\\s?bug",
    ja: "エラーが出(?:ます|る|た|ました)|失敗しました|落ちました|クラッシュし|バグ(?:が|って)",
  },
  {
    id: "-bad",
    kind: "negative",
    weight: 0.75,
    en: String
      .raw`\b(?:useless|terrible|awful|horrible|worse|garbage|nonsense|unhelpful|not helpful|disappointing|bad|thanks for nothing)\b`,
    zhHans: "很差|太差|垃圾|糟糕|离谱|更糟",
    zhHant: "很差|太差|垃圾|糟糕|離譜|更糟|爛",
    ja: "最悪|ひどい|酷い|ダメダメ",
    any: "👎|😡|😠|😞|🤦|❌",
  },
  {
    id: "-no",
    kind: "negative",
    weight: 0.6,
    en: String
      .raw`^\s*(?:no|nope|nah)\b(?![,.!]?\s*(?:thanks|thank you|problem|worries|issues?)\b)`,
    zhHans: "^\\s*不(?:是|对)?[，,。！!]",
    zhHant: "^\\s*不(?:是|對)?[，,。！!]",
    ja: "^\\s*(?:いいえ|いや)[、,。！!]",
  },
  {
    id: "-redo",
    kind: "negative",
    weight: 0.6,
    en: String
      .raw`\b(?:try again|do it again|start over|undo (?:that|this|it)|revert (?:that|this|it))\b`,
    zhHans: "重新(?:来|做|写)|重做",
    zhHant: "重新(?:來|做|寫)|重做",
    ja: "(?:やり|作り|書き)直して",
  },
  {
    id: "+worked",
    kind: "positive",
    weight: 0.9,
    en: String
      .raw`\b(?<!\b(?:how|if|whether|why|until|when|what|see) )(?:it|that|this|everything|all|the fix) (?:worked|works)(?: now| perfectly| great| fine| like a charm| again)?\b(?!\s*\?)|\b(?:works|working) (?:now|again|perfectly|great|fine)\b(?!\s*\?)|\b(?:that|this|it|you) (?:fixed|solved|resolved) it\b|\bproblem (?:solved|fixed)\b|\bthat did (?:it|the trick)\b`,
    zhHans:
      "(?:可以|成功|搞定|解决|能用|可以用|生效|跑通|修好)了(?![吗吧?？解])|终于(?:好了|成功|可以|能用)",
    zhHant:
      "(?:可以|成功|搞定|解決|能用|可以用|生效|修好)了(?![嗎吧?？解])|終於(?:好了|成功|可以|能用)",
    ja:
      "(?:うまく|上手く|ちゃんと|無事に?)(?:いきました|いった|動きました|動いた|できました)|動きました|動いた(?![？?か])|直りました|直った|解決しました|解決した|成功しました|できました(?![か？?])",
  },
  {
    id: "+great",
    kind: "positive",
    weight: 0.75,
    en: String
      .raw`\b(?:perfect|excellent|awesome|amazing|brilliant|fantastic|wonderful|superb|great|nice|impressive|cool|sweet|lovely)\b|\b(?:good|great|nice) (?:job|work)\b|\bwell done\b|\bnailed it\b|\bspot on\b|\blgtm\b|\blooks (?:good|great)\b|\blove (?:it|this)\b|\bexactly what I (?:wanted|needed)\b|\byou(?:'re| are) the best\b`,
    zhHans:
      "太(?:好|棒)了|真棒|好棒|很棒|完美|非常好|很好|做得好|干得(?:好|漂亮)|厉害|给力|赞|正是我(?:想要|需要)的|完全正确|好用",
    zhHant:
      "太(?:好|棒)了|真棒|好棒|很棒|完美|非常好|很好|做得好|幹得(?:好|漂亮)|厲害|給力|讚|正是我(?:想要|需要)的|完全正確|好用",
    ja:
      "完璧|素晴らしい|すばらしい|すごい|凄い|最高|さすが|いいね|(?:良|い)いですね|バッチリ|ばっちり|お見事|その通り|まさに(?:これ|それ)|(?:良|よ)かった",
    any: "👍|🎉|🙌|💯|❤️|✅|😊|😄|🥳",
  },
  {
    id: "+thanks",
    kind: "positive",
    weight: 0.6,
    en: String
      .raw`\b(?<!\bno,? )(?:thanks|thank you|thx|ty|tysm|many thanks|much appreciated|appreciate it|cheers)\b(?! in advance)`,
    zhHans: "(?<!不用)(?:谢谢|感谢|多谢|谢啦|辛苦了)",
    zhHant: "(?<!不用)(?:謝謝|感謝|多謝|謝啦|辛苦了)",
    ja: "ありがとう|有難う|感謝(?:します|しています)|助かり(?:ます|ました)|助かった|お疲れ様",
    any: "🙏",
  },
  {
    id: "~but",
    kind: "contrast",
    weight: 0,
    en: String.raw`\b(?:but|however|though|although|except|unfortunately)\b`,
    zhHans: "但是|但|不过|可是|然而|只是",
    zhHant: "但是|但|不過|可是|然而|只是",
    ja: "でも|けど|けれど|しかし|ただ(?:し|、)|(?<=[すたいねだ])が[、，,]",
  },
];
