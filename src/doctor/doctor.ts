import { join } from "node:path";
import type { EffectiveConfig, Home } from "../config/mod.ts";
import { CONFIG_FILE_NAME, expandPath } from "../config/mod.ts";
import type { PermissionNeed, PermissionQuery, SandboxReport } from "../sandbox/mod.ts";
import { denoFlags, hostPort, inspectSandbox, needsFor } from "../sandbox/mod.ts";
import {
  DATA_FILES,
  type FileHealth,
  inspectFile,
  pathExists,
  setAsideCopies,
} from "../store/mod.ts";
import type { OllamaProbe, OpenClawProbe } from "./probes.ts";
import { probeOllama, probeOpenClaw, probeWritable } from "./probes.ts";

/** One data file's line in the report. */
export interface FileReport {
  readonly file: string;
  readonly purpose: string;
  readonly health: FileHealth;
  /** Quarantined copies and torn tails kept next to it. */
  readonly setAside: readonly string[];
}

/** Everything `lshml doctor` found. `ok` is false when something is broken. */
export interface DoctorReport {
  readonly ok: boolean;
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  readonly home: Home & { readonly exists: boolean; readonly writable: boolean };
  readonly configFile: { readonly path: string; readonly present: boolean };
  readonly files: readonly FileReport[];
  readonly sandbox: SandboxReport | { readonly available: false };
  readonly ollama: {
    readonly url: string;
    readonly used: boolean;
    readonly probe: OllamaProbe | { readonly checked: false; readonly why: string };
  };
  readonly openclaw: {
    readonly stateDir: string;
    readonly probe: OpenClawProbe | { readonly checked: false; readonly why: string };
  };
  readonly enabled: Readonly<Record<string, string | boolean>>;
  readonly runtime: { readonly name: string; readonly version: string; readonly compiled: boolean };
}

/** What the doctor needs from the shell that runs it. */
export interface DoctorInputs {
  readonly home: Home;
  readonly effective: EffectiveConfig;
  readonly needs: readonly PermissionNeed[];
  /** Deno's permission query; absent when not running under Deno. */
  readonly query: PermissionQuery | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly runtime: DoctorReport["runtime"];
  /** Whether `<home>/config.json` exists (it may set nothing). */
  readonly configFilePresent: boolean;
  readonly fetch?: typeof fetch;
}

async function granted(query: PermissionQuery | undefined, need: PermissionNeed | undefined) {
  if (!need) return false;
  return query ? (await query(need.kind, need.value)) === "granted" : true;
}

async function fileReports(homeDir: string): Promise<FileReport[]> {
  return await Promise.all(DATA_FILES.map(async (f) => {
    const path = join(homeDir, f.relPath);
    return {
      file: f.relPath,
      purpose: f.purpose,
      health: await inspectFile(path, f.kind),
      setAside: await setAsideCopies(path),
    };
  }));
}

function enabledFeatures(config: EffectiveConfig["config"]): DoctorReport["enabled"] {
  return {
    strategy: config.evolve.strategy,
    selfModify: config.evolve.allowSelfModify,
    embedding: config.embedding.provider,
    reward: config.reward.provider,
    summarizer: config.experience.summarizer,
    remoteSharing: config.remote.enabled,
    openaiKey: config.openai.apiKey ? "set" : "not set",
  };
}

function judge(
  report: Omit<DoctorReport, "ok" | "problems" | "warnings">,
  extraWarnings: string[],
) {
  const problems: string[] = [];
  const warnings = [...extraWarnings];
  if (!report.home.writable) problems.push(`home ${report.home.dir} is not writable`);
  for (const f of report.files) {
    if (f.health.status === "corrupt" || f.health.status === "unreadable") {
      problems.push(`${f.file} is ${f.health.status}: ${f.health.reason}`);
    }
    if (f.health.status === "ok") warnings.push(...f.health.notes.map((n) => `${f.file}: ${n}`));
    if (f.setAside.length > 0) {
      warnings.push(
        `${f.file}: ${f.setAside.length} set-aside cop(ies) to review: ${f.setAside.join(", ")}`,
      );
    }
  }
  if ("missing" in report.sandbox) {
    for (const need of report.sandbox.missing) {
      const line = `not granted: ${need.kind} ${need.value ?? "(all)"} (to ${need.why})`;
      (need.purpose === "home" || need.purpose === "config" ? problems : warnings).push(line);
    }
    for (const wide of report.sandbox.wider) warnings.push(`wider than needed: ${wide}`);
  }
  if (report.ollama.used && "reachable" in report.ollama.probe && !report.ollama.probe.reachable) {
    problems.push(`Ollama is configured but unreachable at ${report.ollama.url}`);
  }
  return { ok: problems.length === 0, problems, warnings };
}

/** The read flag that covers the home and the OpenClaw state directory. */
function readFlag(needs: readonly PermissionNeed[]): string {
  return denoFlags(needsFor(needs, ["home", "openclaw"]).filter((n) => n.kind === "read")).join(
    " ",
  );
}

/**
 * Examines the home, data files, sandbox, Ollama and OpenClaw, and judges
 * whether lshml can work. Reads only; never changes a file.
 */
export async function runDoctor(inputs: DoctorInputs): Promise<DoctorReport> {
  const { home, effective, needs, query } = inputs;
  const config = effective.config;
  const writeDirs = needsFor(needs, ["home"]).filter((n) => n.kind === "write");
  const [writable, files] = await Promise.all([
    Promise.all(writeDirs.map((n) => probeWritable(n.value ?? home.dir))),
    fileReports(home.dir),
  ]);
  const homeExists = await pathExists(home.dir);
  const sandbox = query ? await inspectSandbox(needs, home, query) : { available: false as const };

  const ollamaNeed = needsFor(needs, ["ollama"])[0];
  const ollamaUsed = [
    config.embedding.provider,
    config.reward.provider,
    config.experience.summarizer,
  ]
    .includes("ollama");
  const ollamaProbe = await granted(query, ollamaNeed)
    ? await probeOllama(config.ollama.url, inputs.fetch)
    : { checked: false as const, why: `the sandbox does not allow ${hostPort(config.ollama.url)}` };

  const stateDir = expandPath(config.openclaw.stateDir, inputs);
  const openclawNeed = needsFor(needs, ["openclaw"])[0];
  const openclawProbe = await granted(query, openclawNeed) ? await probeOpenClaw(stateDir) : {
    checked: false as const,
    why: `not readable under the current permissions (grant ${readFlag(needs)})`,
  };

  const body = {
    home: { ...home, exists: homeExists, writable: writable.every((w) => w.writable) },
    configFile: { path: join(home.dir, CONFIG_FILE_NAME), present: inputs.configFilePresent },
    files,
    sandbox,
    ollama: { url: config.ollama.url, used: ollamaUsed, probe: ollamaProbe },
    openclaw: { stateDir, probe: openclawProbe },
    enabled: enabledFeatures(config),
    runtime: inputs.runtime,
  };
  const verdict = judge(body, [...effective.warnings]);
  return { ok: verdict.ok, problems: verdict.problems, warnings: verdict.warnings, ...body };
}
