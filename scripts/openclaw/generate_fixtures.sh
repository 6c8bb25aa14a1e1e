#!/usr/bin/env bash
# Regenerate tests/fixtures/openclaw/ from real OpenClaw runs:
#   1. generate_fixtures.mjs: ~27 agent turns → state/ (SQLite store), legacy/ (JSONL),
#      manifest.json, agent-schema.sql   (about 7-8 minutes on a 2-core machine)
#   2. probe_hooks.mjs: links hook_probe/ as a plugin, 5 turns → hooks/   (about 1.5 minutes)
#
#   scripts/openclaw/generate_fixtures.sh [--skip-probe] [flags for generate_fixtures.mjs]
#
# Installs Node 24 + OpenClaw into $OPENCLAW_RUNTIME_DIR (default .cache/openclaw-runtime)
# first if needed (scripts/openclaw/install.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
repo="$(cd "$here/../.." && pwd -P)"
runtime="${OPENCLAW_RUNTIME_DIR:-$repo/.cache/openclaw-runtime}"
probe=1
if [[ "${1:-}" == "--skip-probe" ]]; then probe=0; shift; fi
eval "$("$here/install.sh" "$runtime")"
"$OPENCLAW_NODE" "$here/generate_fixtures.mjs" --openclaw "$OPENCLAW_ENTRY" "$@"
if [[ $probe == 1 ]]; then
  "$OPENCLAW_NODE" "$here/probe_hooks.mjs" --openclaw "$OPENCLAW_ENTRY"
fi
