import type { TextMatch } from "./text_match.ts";
import { detectFeedback } from "./detect_feedback.ts";

/**
 * When a user's text matches both praise and correction, keeps the one its
 * feedback polarity supports: "thanks, but it still fails" is negative, so the
 * thanks is politeness, not praise. Mixed or neutral feedback keeps both.
 */
export function settleFeedbackConflict(text: string, found: TextMatch[]): TextMatch[] {
  const praise = found.some((m) => m.type === "user_praise");
  const correction = found.some((m) => m.type === "user_correction");
  if (!praise || !correction) return found;
  const { polarity } = detectFeedback(text);
  if (polarity === "negative") return found.filter((m) => m.type !== "user_praise");
  if (polarity === "positive") return found.filter((m) => m.type !== "user_correction");
  return found;
}
