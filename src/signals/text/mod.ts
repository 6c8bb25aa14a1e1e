/**
 * The language layer of signal extraction: which signal types a piece of text
 * expresses, in English, Simplified Chinese, Traditional Chinese and Japanese,
 * and whether a user's message is feedback and which way it points. Pure and
 * runtime-neutral; structural signals (tool results, stop reasons, repeated
 * calls) are detected from transcript structure elsewhere.
 *
 * @module
 */
export { isSignalType, SIGNAL_TYPES } from "./signal_types.ts";
export type { SignalType } from "./signal_types.ts";
export { LANGS } from "./lang.ts";
export type { Lang } from "./lang.ts";
export { DETECT_LANGUAGE_SAMPLE, detectLanguage } from "./detect_language.ts";
export { typesForRole } from "./roles.ts";
export type { TextRole } from "./roles.ts";
export { classifyText, prepareClassifier } from "./classify_text.ts";
export type { ClassifyOptions } from "./classify_text.ts";
export type { TextMatch } from "./text_match.ts";
export { detectFeedback, FEEDBACK_SCAN_LIMIT } from "./detect_feedback.ts";
export type { Feedback, FeedbackPolarity } from "./detect_feedback.ts";
