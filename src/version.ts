/** lshml's version; `deno.json`, `package.json` and the plugin manifest carry the same one. */
export const VERSION = "0.1.0";
