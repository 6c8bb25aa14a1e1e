/**
 * The hub's HTTP API as zod schemas: one schema per body, shared by the hub (which validates
 * what it receives) and the client (which validates what it gets back). Field names keep the
 * self-evolve seed's wire names (`request_key_id`, snake_case).
 *
 * @module
 */
import { z } from "zod";

/**
 * Size limits of the API, in one place. The hub enforces them on input; the client checks its
 * own payloads against them before sending and bounds what it accepts with its own caps.
 *
 * @example
 * ```ts
 * import { WIRE_LIMITS } from "./wire.ts";
 * WIRE_LIMITS.maxTripletsPerIngest; // 32
 * ```
 */
export const WIRE_LIMITS = {
  /** Triplets in one ingest request. */
  maxTripletsPerIngest: 32,
  /** Shortest and longest embedding accepted (the local embedder's bounds are 16…4096). */
  minDims: 8,
  maxDims: 4096,
  /** Characters of a triplet's experience (the engine keeps ≤ 1,200 by default). */
  maxExperienceChars: 4000,
  /** Characters of a triplet's intent. */
  maxIntentChars: 500,
  /** Characters of an embedding-space id such as `local:hash-ngram:v1:512`. */
  maxSpaceChars: 160,
  /** Results one search may ask for. */
  maxK: 20,
  /** Memory ids in one feedback request. */
  maxFeedbackIds: 32,
} as const;

/** An embedding-space id: printable, no spaces, e.g. `local:hash-ngram:v1:512`. */
export const SpaceIdSchema = z.string().min(1).max(WIRE_LIMITS.maxSpaceChars)
  .regex(/^[A-Za-z0-9][A-Za-z0-9:._/+@-]*$/, "an embedding-space id (letters, digits, :._/+@-)");

/** A hub memory id: `m_` and 24 hex digits. */
export const MemoryIdSchema = z.string().regex(/^m_[0-9a-f]{24}$/, "a hub memory id (m_…)");

/** A request key id: `rk_` and 24 hex digits. Public: it names a contributor, it grants nothing. */
export const RequestKeyIdSchema = z.string().regex(/^rk_[0-9a-f]{24}$/, "a request key id");

/** A bearer key: `lshk_` and 43 base64url characters (256 random bits). Secret. */
export const HubKeySchema = z.string().regex(/^lshk_[A-Za-z0-9_-]{43}$/, "a hub key");

const text = (max: number) =>
  z.string().max(max).refine((s) => !s.includes("\u0000"), "must not contain NUL characters");

/** An embedding: finite numbers, within the API's dimension bounds. */
export const EmbeddingSchema = z.array(z.number().finite())
  .min(WIRE_LIMITS.minDims).max(WIRE_LIMITS.maxDims);

/** A value in [−1, 1]: a Q value, a reward, a similarity. */
export const UnitIntervalSchema = z.number().finite().min(-1).max(1);

/**
 * One sanitised memory as it travels to the hub: the experience (a transferable strategy), the
 * intent it answered (optional, sanitised too), its embedding, the embedding space and the
 * contributor's own Q estimate.
 */
export const WireTripletSchema = z.strictObject({
  intent: text(WIRE_LIMITS.maxIntentChars).optional(),
  experience: text(WIRE_LIMITS.maxExperienceChars).min(1),
  embedding: EmbeddingSchema,
  space: SpaceIdSchema,
  q: UnitIntervalSchema,
});
/** One triplet on the wire. */
export type WireTriplet = z.infer<typeof WireTripletSchema>;

/** `POST /v1/memories/ingest` body. */
export const IngestRequestSchema = z.strictObject({
  triplets: z.array(WireTripletSchema).min(1).max(WIRE_LIMITS.maxTripletsPerIngest),
});
/** The ingest body. */
export type IngestRequest = z.infer<typeof IngestRequestSchema>;

/** What became of one ingested triplet: stored as new, merged into a near-duplicate, or refused. */
export const IngestResultSchema = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("stored"), id: MemoryIdSchema }),
  z.strictObject({ status: z.literal("merged"), id: MemoryIdSchema, similarity: z.number() }),
  z.strictObject({ status: z.literal("rejected"), reason: z.string().max(200) }),
]);
/** One ingest outcome. */
export type IngestResult = z.infer<typeof IngestResultSchema>;

/** `POST /v1/memories/ingest` answer: one result per triplet, in order. */
export const IngestResponseSchema = z.object({ results: z.array(IngestResultSchema) });
/** The ingest answer. */
export type IngestResponse = z.infer<typeof IngestResponseSchema>;

/** `POST /v1/memories/search` body. */
export const SearchRequestSchema = z.strictObject({
  embedding: EmbeddingSchema,
  space: SpaceIdSchema,
  k: z.number().int().min(1).max(WIRE_LIMITS.maxK).default(5),
  min_similarity: UnitIntervalSchema.default(0.15),
});
/** The search body (after defaults). */
export type SearchRequest = z.infer<typeof SearchRequestSchema>;

/** One search hit. The embedding comes along so the client can check the similarity itself. */
export const WireHitSchema = z.object({
  id: MemoryIdSchema,
  space: z.string(),
  intent: z.string(),
  experience: z.string(),
  embedding: z.array(z.number()),
  similarity: z.number(),
  q: z.number(),
  uses: z.number().int().min(0),
  contributor: z.string(),
});
/** A search hit on the wire. */
export type WireHit = z.infer<typeof WireHitSchema>;

/** `POST /v1/memories/search` answer. */
export const SearchResponseSchema = z.object({ space: z.string(), results: z.array(z.unknown()) });

/** `POST /v1/memories/feedback` body: the reward an agent got when it used these memories. */
export const FeedbackRequestSchema = z.strictObject({
  ids: z.array(MemoryIdSchema).min(1).max(WIRE_LIMITS.maxFeedbackIds),
  reward: UnitIntervalSchema,
});
/** The feedback body. */
export type FeedbackRequest = z.infer<typeof FeedbackRequestSchema>;

/** `POST /v1/clients/register` answer. The key is shown once; the hub keeps only its hash. */
export const RegisterResponseSchema = z.object({
  request_key_id: RequestKeyIdSchema,
  key: HubKeySchema,
});
/** The register answer. */
export type RegisterResponse = z.infer<typeof RegisterResponseSchema>;
