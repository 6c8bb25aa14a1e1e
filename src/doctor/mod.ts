/**
 * `lshml doctor`: one read-only examination of the home, data files, sandbox,
 * Ollama and OpenClaw, with a verdict.
 *
 * @module
 */
export { runDoctor } from "./doctor.ts";
export type { DoctorInputs, DoctorReport, FileReport } from "./doctor.ts";
export { probeOllama, probeOpenClaw, probeWritable } from "./probes.ts";
export type { OllamaProbe, OpenClawProbe } from "./probes.ts";
