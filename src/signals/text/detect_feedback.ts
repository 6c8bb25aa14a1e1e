import { FEEDBACK_CUES, type FeedbackCue } from "./_feedback_cues.ts";

/** Which way a user's feedback points. */
export type FeedbackPolarity = "positive" | "negative" | "mixed" | "neutral";

/** The verdict of {@linkcode detectFeedback}. */
export interface Feedback {
  /** True when the text reacts to the previous answer, even as a question. */
  readonly isFeedback: boolean;
  readonly polarity: FeedbackPolarity;
  /** How sure the heuristic is of the polarity, in [0, 0.95]; 0.2 for a bare "ok". */
  readonly confidence: number;
  /** Ids of the cues found, in text order: `+thanks`, `~but`, `-still_broken`, `?why_still` … */
  readonly cues: string[];
}

/** Only the start of a message is read: feedback comes first, pasted logs after. */
export const FEEDBACK_SCAN_LIMIT = 4000;

const WEAK_CONFIDENCE = 0.2;
const MAX_CONFIDENCE = 0.95;
// People put the verdict last ("it crashed before, now it works"), so when cues
// disagree the last one weighs a little more.
const LAST_CUE_BONUS = 0.15;
// One side wins a conflict only when it is this many times stronger; else "mixed".
const DOMINANCE = 1.25;
const MIXED_SHARE = 0.5;
// A verdict that overrides an earlier opposite clause ("thanks, but …") is a bit
// less certain than one stated alone; praise asked as a question much less so.
const CONTRAST_DISCOUNT = 0.9;
const QUESTION_DISCOUNT = 0.5;
const QUESTION = /[?？]\s*$|(?:ですか|ますか)[。\s]*$/;

const NOT_FEEDBACK: Feedback = { isFeedback: false, polarity: "neutral", confidence: 0, cues: [] };

interface Found {
  readonly cue: FeedbackCue;
  readonly index: number;
}

let compiled: { re: RegExp; cues: readonly FeedbackCue[] } | undefined;

/**
 * Decides whether a user's message is feedback on the previous answer, and which
 * way it points, in English, Chinese (both scripts) and Japanese:
 *
 * - the clause after the last contrast word (but / 但是 / 不过 / でも / けど) carries
 *   the verdict: "thanks, but it still fails" is negative;
 * - question-shaped complaints are feedback: "why is it still broken?",
 *   "为什么还是不行？", "なんでまだ動かないの？" are negative, not new requests;
 * - negations are read as a whole: "not bad", "没问题", "問題ありません" are mildly
 *   positive, "not great", "不太好", "良くない" negative;
 * - a bare "ok" / "好的" / "はい" is feedback, but neutral and weak (0.2).
 *
 * Confidence is the noisy-or of the winning side's cue weights, 1 − Π(1 − wᵢ),
 * reduced in proportion to the losing side, capped at 0.95.
 *
 * @example
 * ```ts
 * detectFeedback("thanks, but it still fails").polarity; // "negative"
 * detectFeedback("太好了，终于可以了").polarity; // "positive"
 * detectFeedback("なんでまだ動かないの？").isFeedback; // true
 * detectFeedback("ok").confidence; // 0.2
 * detectFeedback("can you add a CSV export?").isFeedback; // false
 * ```
 */
export function detectFeedback(text: string): Feedback {
  const found = scan(text.length > FEEDBACK_SCAN_LIMIT ? text.slice(0, FEEDBACK_SCAN_LIMIT) : text);
  const cues = found.map((f) => f.cue.id);
  const polar = found.filter((f) => f.cue.kind === "positive" || f.cue.kind === "negative");
  if (polar.length === 0) {
    if (!found.some((f) => f.cue.kind === "weak")) return NOT_FEEDBACK;
    return { isFeedback: true, polarity: "neutral", confidence: WEAK_CONFIDENCE, cues };
  }
  const contrast = lastContrastBefore(found, polar);
  const tail = contrast === undefined ? polar : polar.filter((f) => f.index > contrast);
  const verdict = weigh(tail);
  let confidence = verdict.confidence;
  if (contrast !== undefined) {
    const head = weigh(polar.filter((f) => f.index < contrast)).polarity;
    if (head !== "neutral" && head !== verdict.polarity) confidence *= CONTRAST_DISCOUNT;
  }
  if (verdict.polarity === "positive" && QUESTION.test(text)) confidence *= QUESTION_DISCOUNT;
  const rounded = Math.round(Math.min(confidence, MAX_CONFIDENCE) * 100) / 100;
  return { isFeedback: true, polarity: verdict.polarity, confidence: rounded, cues };
}

function scan(text: string): Found[] {
  compiled ??= compile();
  const { re, cues } = compiled;
  const found: Found[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const g = m.findIndex((group, i) => i > 0 && group !== undefined);
    const cue = cues[g - 1];
    if (cue) found.push({ cue, index: m.index });
    if (m[0] === "") re.lastIndex++;
  }
  return found;
}

function compile(): { re: RegExp; cues: readonly FeedbackCue[] } {
  const groups = FEEDBACK_CUES.map((cue) => {
    const spellings = [cue.en, cue.zhHans, cue.zhHant, cue.ja, cue.any ?? ""];
    return `(${spellings.filter((s) => s !== "").join("|")})`;
  });
  return { re: new RegExp(groups.join("|"), "gi"), cues: FEEDBACK_CUES };
}

/** The last contrast word that has a polar cue after it. */
function lastContrastBefore(found: readonly Found[], polar: readonly Found[]): number | undefined {
  const lastPolar = polar[polar.length - 1]?.index ?? -1;
  let contrast: number | undefined;
  for (const f of found) {
    if (f.cue.kind === "contrast" && f.index < lastPolar) contrast = f.index;
  }
  return contrast;
}

function weigh(found: readonly Found[]): { polarity: FeedbackPolarity; confidence: number } {
  let missPositive = 1;
  let missNegative = 1;
  const conflicted = new Set(found.map((f) => f.cue.kind)).size > 1;
  found.forEach((f, i) => {
    const bonus = conflicted && i === found.length - 1 ? LAST_CUE_BONUS : 0;
    const w = Math.min(f.cue.weight + bonus, MAX_CONFIDENCE);
    if (f.cue.kind === "positive") missPositive *= 1 - w;
    else missNegative *= 1 - w;
  });
  const pos = 1 - missPositive;
  const neg = 1 - missNegative;
  if (pos === 0 && neg === 0) return { polarity: "neutral", confidence: 0 };
  if (neg >= pos * DOMINANCE) return { polarity: "negative", confidence: neg - pos * MIXED_SHARE };
  if (pos >= neg * DOMINANCE) return { polarity: "positive", confidence: pos - neg * MIXED_SHARE };
  return { polarity: "mixed", confidence: Math.max(pos, neg) * MIXED_SHARE };
}
