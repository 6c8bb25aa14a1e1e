import { join } from "node:path";
import type { Config } from "../config/mod.ts";
import type { Embedder } from "../embed/mod.ts";
import { type EvolutionEvent, gepPaths, makeEvent } from "../gep/mod.ts";
import { advanceFixes, type FixOutcome, recordApplied, startFix } from "../learn/mod.ts";
import { engineJournalPath, engineLockPath, scanPass, type ScanReport } from "../scan/mod.ts";
import type { Signal, SourceReader } from "../signals/mod.ts";
import { type CycleRecord, type EngineState, HISTORY_LENGTH } from "../state/mod.ts";
import {
  acquireLock,
  commitTransaction,
  dataFilePath,
  type LockHolder,
  readLockHolder,
  recoverTransaction,
  tryLock,
  type TxOp,
} from "../store/mod.ts";
import { applyExecute, type ExecuteResult } from "./apply_execute.ts";
import { readCycleInputs } from "./cycle_inputs.ts";
import { decide, type Decision } from "./decide.ts";
import { renderGepPrompt } from "./gep_prompt.ts";
import { learnFromOutcomes } from "./learn_from_outcomes.ts";
import { stagnationSignal } from "./stagnation.ts";
import { resolveStrategy } from "./strategy.ts";
import { behaviourKey, findTargets } from "./targets.ts";

/** What one cycle needs from its caller. */
export interface CycleOptions {
  readonly home: string;
  readonly config: Config;
  readonly readers: readonly SourceReader[];
  readonly now: () => Date;
  /** The embedder of cluster vectors for the predictor (the local one by default). */
  readonly embedder: Embedder;
  /** `--review`: the decision waits for a person instead of being applied. */
  readonly review: boolean;
  /** A fixed seed (tests, demos); otherwise one is drawn and recorded. */
  readonly seed?: number;
  /** Wait for a running cycle instead of returning "busy" (default: return). */
  readonly wait?: boolean;
  readonly homeDirs?: readonly string[];
  /** Execute mode: the expanded `evolve.workspace`, and lshml's own checkout (protected). */
  readonly workspace?: string;
  readonly engineRoot?: string;
}

/** What a cycle did. */
export type CycleResult =
  | { readonly status: "busy"; readonly holder: LockHolder | undefined }
  | {
    readonly status: "ran";
    readonly cycle: number;
    readonly scan: ScanReport;
    readonly decision: Decision;
    readonly outcomes: readonly FixOutcome[];
    readonly event: EvolutionEvent | null;
    readonly promptFile: string | null;
    readonly execute: ExecuteResult | null;
    /** Whether anything happened worth coming back soon for (see the loop policy). */
    readonly busy: boolean;
  };

/** `ev-000012`: the event of cycle 12 (one evolution per cycle at most). */
export function eventIdFor(cycle: number): string {
  return `ev-${String(cycle).padStart(6, "0")}`;
}

function drawSeed(now: Date, cycle: number): number {
  // Any value will do; what matters is that it is recorded with the decision.
  return ((now.getTime() % 2_147_483_647) ^ (cycle * 2_654_435_761)) >>> 1;
}

interface Applied {
  readonly state: EngineState["evolution"];
  readonly kb: Awaited<ReturnType<typeof learnFromOutcomes>>["kb"];
  readonly status: EvolutionEvent["outcome"]["status"];
  readonly reasons: string[];
  readonly ops: TxOp[];
  readonly execute: ExecuteResult | null;
}

/**
 * One evolution cycle (DESIGN §6.5): scan → feedback on watched fixes → learn
 * from the outcomes → strategy → decision → apply (advise, review or execute) →
 * record an EvolutionEvent, all committed in one journalled transaction.
 * Cron-safe: when another cycle holds the engine lock it returns "busy" at once
 * (or waits, with `wait`); a crash at any point leaves the files as they were
 * or finished by the next cycle.
 */
export async function runCycle(options: CycleOptions): Promise<CycleResult> {
  const { home } = options;
  const purpose = "evolution cycle";
  const lock = options.wait
    ? await acquireLock(engineLockPath(home), { purpose, timeoutMs: 3_600_000 })
    : await tryLock(engineLockPath(home), { purpose });
  if (!lock) return { status: "busy", holder: readLockHolder(engineLockPath(home)) };
  try {
    return await cycleUnderLock(options);
  } finally {
    lock.release();
  }
}

async function cycleUnderLock(options: CycleOptions): Promise<CycleResult> {
  const { home, now, config } = options;
  const recovery = await recoverTransaction(engineJournalPath(home), now);
  const inputs = await readCycleInputs(home, now);
  const signals: Signal[] = [];
  const pass = await scanPass(inputs.registry, inputs.state.scan.cursors, {
    readers: options.readers,
    now,
    onSignal: (s) => {
      if (behaviourKey(s)) signals.push(s);
    },
    ...(options.homeDirs ? { homeDirs: options.homeDirs } : {}),
  });
  const cycle = inputs.state.evolution.cycle + 1;
  const at = now();
  const history = inputs.state.evolution.history;
  const stagnation = stagnationSignal(history, at);
  if (stagnation) signals.push(stagnation);
  const seen = new Set([...pass.touched.keys(), ...signals.flatMap((s) => behaviourKey(s) ?? [])]);
  const advanced = advanceFixes(inputs.state.evolution.fixes, { cycle, seen });
  const textOf = (key: string) =>
    pass.registry.get(key, at)?.template ??
      signals.find((s) => behaviourKey(s) === key)?.excerpt ?? key;
  const learned = await learnFromOutcomes({
    kb: inputs.kb,
    predictor: inputs.predictor,
    outcomes: advanced.outcomes,
    textOf,
    embedder: options.embedder,
    cycle,
    now: at,
  });
  const strategy = resolveStrategy(config.evolve.strategy, history, cycle);
  const targets = findTargets(pass.registry, pass.touched, signals, advanced.fixes, at);
  const decision = await decide({
    strategy,
    targets,
    genes: inputs.genes,
    kb: learned.kb,
    predictor: learned.predictor,
    embedder: options.embedder,
    seed: options.seed ?? drawSeed(at, cycle),
    epsilon: config.evolve.epsilon,
  });
  const eventId = eventIdFor(cycle);
  const evolution = { ...inputs.state.evolution, fixes: advanced.fixes };
  const applied = await apply(options, decision, eventId, cycle, evolution, learned.kb);
  const event = decision.target && decision.gene && decision.intent.intent
    ? makeEvent({
      id: eventId,
      parent: inputs.parent,
      cycle,
      created_at: at.toISOString(),
      intent: decision.intent.intent,
      mode: options.review ? "review" : config.evolve.mode,
      cluster_id: decision.target.key,
      signals: Object.keys(decision.target.signalTypes),
      genes_used: [decision.gene.id],
      selector: {
        selected: decision.gene.id,
        reasons: [
          `strategy ${strategy.strategy} (${strategy.reason}); ${decision.intent.reason}`,
          ...(decision.choice?.explored ? ["explored (epsilon-greedy)"] : []),
          ...(decision.choice?.gene.reasons ?? []),
        ],
        alternatives: decision.ranked.slice(0, 5).map((r) => ({ gene: r.geneId, score: r.score })),
        seed: decision.seed,
        inputs: JSON.parse(JSON.stringify(decision.inputs)),
      },
      blast_radius: applied.execute?.blastRadius ?? { files: 0, lines: 0 },
      outcome: {
        status: applied.status,
        score: decision.choice?.gene.score ?? 0,
        ...(applied.reasons.length > 0 ? { reasons: applied.reasons } : {}),
      },
      capsule_id: applied.execute?.capsule?.id ?? null,
      validation: applied.execute?.validation ?? [],
    })
    : null;
  const record: CycleRecord = {
    cycle,
    at: at.toISOString(),
    strategy: strategy.strategy,
    intent: decision.intent.intent,
    clusterId: decision.target?.key ?? null,
    geneId: decision.gene?.id ?? null,
    proven: advanced.outcomes.filter((o) => o.status === "proven").length,
    failed: advanced.outcomes.filter((o) => o.status === "failed").length,
    seen: seen.size,
  };
  const nextState: EngineState = {
    ...inputs.state,
    scan: {
      seq: inputs.state.scan.seq + 1,
      lastAt: at.toISOString(),
      cursors: pass.cursors,
    },
    evolution: {
      ...applied.state,
      cycle,
      lastCycleAt: at.toISOString(),
      history: [...history, record].slice(-HISTORY_LENGTH),
    },
  };
  const ops: TxOp[] = [
    ...applied.ops,
    {
      kind: "write",
      path: dataFilePath(home, "clusterRegistry"),
      content: `${JSON.stringify(pass.registry.toDocument())}\n`,
    },
    { kind: "write", path: dataFilePath(home, "knowledge"), content: pretty(applied.kb) },
    {
      kind: "write",
      path: dataFilePath(home, "predictor"),
      content: `${JSON.stringify(learned.predictor)}\n`,
    },
  ];
  if (advanced.outcomes.length > 0) {
    ops.push({ kind: "append", path: dataFilePath(home, "feedback"), records: advanced.outcomes });
  }
  if (event) ops.push({ kind: "append", path: gepPaths(home).events, records: [event] });
  // The state goes last: it is what says the cycle happened.
  ops.push({ kind: "write", path: dataFilePath(home, "state"), content: pretty(nextState) });
  await commitTransaction(engineJournalPath(home), ops);
  const promptFile = applied.ops.find((op) => op.kind === "write" && op.path.endsWith(".md"));
  return {
    status: "ran",
    cycle,
    scan: pass.report(nextState.scan.seq, recovery),
    decision,
    outcomes: advanced.outcomes,
    event,
    promptFile: promptFile?.path ?? null,
    execute: applied.execute,
    busy: event !== null || advanced.outcomes.length > 0,
  };
}

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The GEP prompt file of an event, under the home. */
export function promptPath(home: string, eventId: string): string {
  return join(home, "memory", "gep", `${eventId}.md`);
}

async function apply(
  options: CycleOptions,
  decision: Decision,
  eventId: string,
  cycle: number,
  evolution: EngineState["evolution"],
  kb: Applied["kb"],
): Promise<Applied> {
  const { target, gene } = decision;
  const intent = decision.intent.intent;
  if (!target || !gene || !intent) {
    return { state: evolution, kb, status: "skipped", reasons: [], ops: [], execute: null };
  }
  const prompt = renderGepPrompt({
    eventId,
    cycle,
    intent,
    target,
    gene,
    reasons: decision.choice?.gene.reasons ?? [],
    validate: options.config.evolve.validate,
  });
  const file = promptPath(options.home, eventId);
  const writePrompt: TxOp = { kind: "write", path: file, content: prompt };
  if (options.review) {
    const item = {
      id: eventId,
      cycle,
      createdAt: options.now().toISOString(),
      intent,
      clusterId: target.key,
      geneId: gene.id,
      mode: options.config.evolve.mode,
      promptFile: `memory/gep/${eventId}.md`,
      eventId,
    };
    return {
      state: { ...evolution, review: [...evolution.review, item] },
      kb,
      status: "pending_review",
      reasons: ["waiting for `lshml review --approve " + eventId + "`"],
      ops: [writePrompt],
      execute: null,
    };
  }
  const fix = startFix({ clusterId: target.key, geneId: gene.id, eventId, cycle });
  const recorded = recordApplied(
    kb,
    { clusterId: target.key, geneId: gene.id, cycle },
    options.now(),
  );
  if (options.config.evolve.mode === "advise") {
    return {
      state: { ...evolution, fixes: [...evolution.fixes, fix] },
      kb: recorded,
      status: "advised",
      reasons: [],
      ops: [writePrompt],
      execute: null,
    };
  }
  const execute = await applyExecute({
    home: options.home,
    config: options.config,
    now: options.now,
    gene,
    targetKey: target.key,
    signals: Object.keys(target.signalTypes),
    prompt,
    eventId,
    ...(options.workspace ? { workspace: options.workspace } : {}),
    ...(options.engineRoot ? { engineRoot: options.engineRoot } : {}),
  });
  return {
    state: execute.ok ? { ...evolution, fixes: [...evolution.fixes, fix] } : evolution,
    kb: execute.ok ? recorded : kb,
    status: execute.ok ? "validated" : "rolled_back",
    reasons: execute.reasons,
    ops: [writePrompt, ...execute.ops],
    execute,
  };
}
