import type { GenePrediction } from "./predictor.ts";

/** Everything a ranked gene's reasons are written from. */
export interface ReasonFacts {
  readonly here: { readonly applied: number; readonly proven: number; readonly failed: number };
  readonly elsewhere: { readonly proven: number; readonly failed: number };
  readonly prior: number;
  readonly p0: number;
  readonly matched: readonly string[];
  readonly cluster: { readonly signalTypes: Readonly<Record<string, number>> };
  readonly vote: GenePrediction | undefined;
  readonly offIntent: { readonly category: string; readonly intent: string } | undefined;
}

/** Human-readable sentences behind a gene's score, strongest evidence first. */
export function rankReasons(facts: ReasonFacts): string[] {
  const { here, elsewhere, vote } = facts;
  const reasons: string[] = [];
  if (here.proven > 0) reasons.push(`proven ${here.proven}× on this cluster`);
  if (here.failed > 0) reasons.push(`failed ${here.failed}× on this cluster`);
  if (here.failed > here.proven) reasons.push("failed here before: ranked below untried genes");
  const pending = here.applied - here.proven - here.failed;
  if (pending > 0) reasons.push(`applied ${pending}× here with the outcome still open`);
  for (const outcome of ["proven", "failed"] as const) {
    const sentence = _neighbourSentence(vote, outcome);
    if (sentence !== undefined) reasons.push(sentence);
  }
  if (facts.matched.length > 0) reasons.push(`matches ${facts.matched.join(", ")}`);
  else {
    const types = Object.keys(facts.cluster.signalTypes).join(", ") || "none";
    reasons.push(`does not match the cluster's signals (${types}): kept as an alternative`);
  }
  if (facts.offIntent !== undefined) {
    reasons.push(
      `category ${facts.offIntent.category} differs from the intent ${facts.offIntent.intent}`,
    );
  }
  if (elsewhere.proven + elsewhere.failed > 0) {
    reasons.push(
      `proven ${elsewhere.proven}×, failed ${elsewhere.failed}× on other clusters ` +
        `(prior ${facts.prior.toFixed(2)})`,
    );
  } else reasons.push(`no history elsewhere: prior ${facts.p0.toFixed(2)}`);
  return reasons;
}

function _neighbourSentence(
  vote: GenePrediction | undefined,
  outcome: "proven" | "failed",
): string | undefined {
  const voters = (vote?.neighbours ?? []).filter((n) => n.outcome === outcome);
  if (voters.length === 0) return undefined;
  const clusters = new Set(voters.map((n) => n.clusterId)).size;
  const best = Math.max(...voters.map((n) => n.similarity)).toFixed(2);
  const noun = clusters === 1 ? "similar cluster was" : "similar clusters were";
  return outcome === "proven"
    ? `${clusters} ${noun} fixed by it (sim ${best})`
    : `it failed on ${clusters} similar cluster${clusters === 1 ? "" : "s"} (sim ${best})`;
}
