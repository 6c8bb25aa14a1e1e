#!/usr/bin/env bash
# Installs Node 24 and openclaw@2026.9.x from the npm registry (nothing else from the
# network) for the real-OpenClaw end-to-end test, tests/e2e/openclaw_test.ts.
#
#   bash .ci/setup.d/openclaw.sh [CACHE_DIR]        (default: <checkout>/.cache)
#
# Installs into CACHE_DIR/openclaw-runtime with scripts/openclaw/install.sh (idempotent:
# a second run only checks versions) and writes CACHE_DIR/openclaw-runtime.env with the
# two lines the test reads: OPENCLAW_NODE=… and OPENCLAW_ENTRY=…. Needs npm on PATH;
# .ci/run installs Deno through npm first, so a fresh machine has it.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cache="${1:-$root/.cache}"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd -P)"

env_file="$cache/openclaw-runtime.env"
bash "$root/scripts/openclaw/install.sh" "$cache/openclaw-runtime" >"$env_file.tmp"
mv "$env_file.tmp" "$env_file"
cat "$env_file"
