/**
 * `lshml demo`: real evolution cycles over the bundled sample, in a demo home.
 *
 * @module
 */
export { runDemo } from "./run_demo.ts";
export type { DemoOptions, FixStory } from "./run_demo.ts";
