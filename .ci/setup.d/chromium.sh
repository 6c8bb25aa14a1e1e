#!/usr/bin/env bash
# Debian's chromium for the dashboard's browser tests (tests/e2e/dashboard_test.ts, DESIGN §2),
# plus a CJK font so the screenshots show the sample's Chinese and Japanese error lines.
# Installs only what is missing; the CI machine runs as root (sudo is used when it is not).
set -euo pipefail

if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk"; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "chromium is missing and this is not root: install it with apt-get install chromium" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# Another apt (unattended upgrades on a fresh machine) may hold the lock for a while.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  if $SUDO apt-get update -qq; then break; fi
  echo "apt-get update failed (attempt $attempt); retrying in 10 s" >&2
  sleep 10
done
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || packages+=(fonts-wqy-zenhei)
for attempt in 1 2 3 4 5 6; do
  if $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null; then break; fi
  echo "apt-get install failed (attempt $attempt); retrying in 10 s" >&2
  sleep 10
done
[ -x /usr/bin/chromium ] || { echo "chromium did not install" >&2; exit 1; }
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
