/**
 * LoCoMo memory-recall harness (private to the benchmarks): the data loader, the evidence-recall
 * metric, and a plain BM25 baseline. Never shipped; the data set is CC BY-NC and stays in
 * `../shared/data/locomo` (see that folder's README).
 *
 * @module
 */
import { z } from "zod";

/** One dialogue turn, stored as one memory. */
export interface LocomoTurn {
  /** Turn id such as `D3:14` (session 3, turn 14). */
  readonly diaId: string;
  readonly speaker: string;
  readonly text: string;
}

/** One question with its ground-truth evidence turns. */
export interface LocomoQuestion {
  readonly question: string;
  /** Category 1–4 (multi-hop, temporal, open-domain, single-hop); 5 (adversarial) is dropped. */
  readonly category: number;
  /** Evidence turn ids exactly as the data lists them (a malformed id simply never matches). */
  readonly evidence: readonly string[];
}

/** One conversation: its turns and the questions asked about it. */
export interface LocomoSample {
  readonly sampleId: string;
  readonly turns: readonly LocomoTurn[];
  readonly questions: readonly LocomoQuestion[];
}

const turnSchema = z.object({ dia_id: z.string(), speaker: z.string(), text: z.string() });
const qaSchema = z.object({
  question: z.string(),
  category: z.number().int(),
  evidence: z.array(z.string()).optional(),
});
const sampleSchema = z.object({
  sample_id: z.string(),
  conversation: z.record(z.string(), z.unknown()),
  qa: z.array(qaSchema),
});

/** Categories scored by the protocol: 5 (adversarial, unanswerable) has no usable evidence. */
const SCORED_CATEGORIES = new Set([1, 2, 3, 4]);

/**
 * Parses the LoCoMo JSON (an array of samples). Turns come from every `session_N` array in
 * session order; questions keep categories 1–4 with at least one evidence id.
 *
 * @throws {SyntaxError} when the document does not have the LoCoMo shape.
 */
export function parseLocomo(json: unknown): LocomoSample[] {
  const parsed = z.array(sampleSchema).safeParse(json);
  if (!parsed.success) {
    throw new SyntaxError(`not a LoCoMo document: ${parsed.error.message}`, {
      cause: parsed.error,
    });
  }
  return parsed.data.map((sample) => ({
    sampleId: sample.sample_id,
    turns: sessionTurns(sample.conversation),
    questions: sample.qa
      .filter((qa) => SCORED_CATEGORIES.has(qa.category) && (qa.evidence?.length ?? 0) > 0)
      .map((qa) => ({ question: qa.question, category: qa.category, evidence: qa.evidence ?? [] })),
  }));
}

function sessionTurns(conversation: Record<string, unknown>): LocomoTurn[] {
  const sessions = Object.keys(conversation)
    .map((key) => /^session_(\d+)$/.exec(key))
    .filter((match) => match !== null)
    .map((match) => ({ key: match[0], index: Number(match[1]) }))
    .sort((a, b) => a.index - b.index);
  return sessions.flatMap(({ key }) =>
    z.array(turnSchema).parse(conversation[key]).map((turn) => ({
      diaId: turn.dia_id,
      speaker: turn.speaker,
      text: turn.text,
    }))
  );
}

/**
 * Evidence recall at k: |evidence ∩ top-k recalled| / |evidence| (duplicate evidence ids count
 * once).
 */
export function evidenceRecall(
  ranked: readonly string[],
  evidence: readonly string[],
  k: number,
): number {
  const wanted = new Set(evidence);
  if (wanted.size === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  let hits = 0;
  for (const id of wanted) if (top.has(id)) hits++;
  return hits / wanted.size;
}

/** A retriever over one conversation: returns turn ids, best first. */
export type Retriever = (question: string) => readonly string[] | Promise<readonly string[]>;

/** Builds a retriever for one conversation (may be async, e.g. to embed its turns). */
export type RetrieverFactory = (sample: LocomoSample) => Retriever | Promise<Retriever>;

/** Mean evidence recall per k, plus the number of questions averaged. */
export interface RecallScores {
  readonly questions: number;
  readonly recall: Readonly<Record<number, number>>;
}

/** Scores a retriever factory over every sample: mean evidence-recall@k for each k. */
export async function scoreRecall(
  samples: readonly LocomoSample[],
  factory: RetrieverFactory,
  ks: readonly number[],
): Promise<RecallScores> {
  const sums = new Map<number, number>(ks.map((k) => [k, 0]));
  let questions = 0;
  for (const sample of samples) {
    const retrieve = await factory(sample);
    for (const qa of sample.questions) {
      const ranked = await retrieve(qa.question);
      for (const k of ks) sums.set(k, (sums.get(k) ?? 0) + evidenceRecall(ranked, qa.evidence, k));
      questions++;
    }
  }
  const recall: Record<number, number> = {};
  for (const k of ks) recall[k] = questions === 0 ? 0 : (sums.get(k) ?? 0) / questions;
  return { questions, recall };
}

/** How a turn becomes a memory's text. */
export type MemoryText = (turn: LocomoTurn) => string;

/** The protocol's memory: the turn's text. */
export const turnText: MemoryText = (turn) => turn.text;

/** The turn's text after its speaker's name ("Caroline: …"), which the protocol allows. */
export const speakerAndText: MemoryText = (turn) => `${turn.speaker}: ${turn.text}`;

/** BM25 constants of the classic Okapi setting (Robertson & Zaragoza, 2009). */
const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** NLTK's English stopword list (without the apostrophe forms our tokens cannot contain). */
const BASELINE_STOPWORDS = new Set(
  ("i me my myself we our ours ourselves you your yours yourself yourselves he him his himself " +
    "she her hers herself it its itself they them their theirs themselves what which who whom " +
    "this that these those am is are was were be been being have has had having do does did " +
    "doing a an the and but if or because as until while of at by for with about against between " +
    "into through during before after above below to from up down in out on off over under again " +
    "further then once here there when where why how all any both each few more most other some " +
    "such no nor not only own same so than too very s t can will just don should now d ll m o re " +
    "ve y ain aren couldn didn doesn hadn hasn haven isn ma mightn mustn needn shan shouldn wasn " +
    "weren won wouldn").split(" "),
);

/** Baseline tokens: lowercase runs of letters and digits, NLTK stopwords removed, no stemming. */
export function bm25Tokens(text: string): string[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return tokens.filter((token) => !BASELINE_STOPWORDS.has(token));
}

/**
 * Plain Okapi BM25 over a conversation's memories (the baseline the data README quotes):
 * score(q, d) = Σ_{t∈q} idf(t) · tf·(k1+1) / (tf + k1·(1 − b + b·|d|/avgdl)),
 * idf(t) = ln(1 + (N − n_t + 0.5) / (n_t + 0.5)), k1 = 1.2, b = 0.75.
 */
export function bm25Retriever(memoryText: MemoryText): RetrieverFactory {
  return (sample) => {
    const docs = sample.turns.map((turn) => bm25Tokens(memoryText(turn)));
    const df = new Map<string, number>();
    for (const doc of docs) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
    const avgdl = docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, docs.length);
    const tfs = docs.map((doc) => {
      const tf = new Map<string, number>();
      for (const term of doc) tf.set(term, (tf.get(term) ?? 0) + 1);
      return tf;
    });
    const idf = (term: string): number => {
      const n = df.get(term) ?? 0;
      return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
    };
    return (question) => {
      const terms = bm25Tokens(question);
      const scores = tfs.map((tf, i) => {
        const norm = BM25_K1 * (1 - BM25_B + (BM25_B * (docs[i]?.length ?? 0)) / avgdl);
        let score = 0;
        for (const term of terms) {
          const f = tf.get(term) ?? 0;
          if (f > 0) score += (idf(term) * f * (BM25_K1 + 1)) / (f + norm);
        }
        return score;
      });
      return rankIds(sample.turns, scores);
    };
  };
}

/** Turn ids sorted by descending score; ties keep conversation order. */
export function rankIds(turns: readonly LocomoTurn[], scores: ArrayLike<number>): string[] {
  const order = turns.map((_, i) => i);
  order.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  return order.map((i) => turns[i]?.diaId ?? "");
}

/** File name of the LoCoMo subset in `shared/data/locomo`. */
export const LOCOMO_FILE = "locomo_conversations_0-4.json";

/**
 * Reads and parses the LoCoMo file in `dir`, or returns `undefined` when it is not there (the
 * data is optional: benchmarks skip without it).
 *
 * @throws {SyntaxError} when the file exists but is not LoCoMo JSON.
 */
export async function loadLocomo(dir: string): Promise<LocomoSample[] | undefined> {
  let text: string;
  try {
    text = await Deno.readTextFile(`${dir.replace(/\/$/, "")}/${LOCOMO_FILE}`);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
  return parseLocomo(JSON.parse(text));
}
