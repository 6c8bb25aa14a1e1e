#!/usr/bin/env bash
# PostgreSQL for the hub's tests and benchmark (tests/remote/postgres_hub_test.ts,
# scripts/bench/hub.ts): Debian's `postgresql` package, installed when initdb is missing.
# Nothing is started here: each test starts a throwaway cluster of its own in a temporary
# directory, on a free loopback port (see tests/remote/_postgres.ts). As root, the package's
# `postgres` user runs it (PostgreSQL refuses to run as root).
set -euo pipefail

have_initdb() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null 2>&1
}

if have_initdb; then
  echo "postgresql: $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | head -n 1 || command -v initdb)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "postgresql is missing and this user cannot install it (no root, no sudo):"
    echo "  apt-get install postgresql   (as root), or set LSHML_PG_BIN to a directory with initdb"
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# policy-rc.d may refuse to start the package's own cluster in a container: that is fine,
# the tests never use it.
$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
have_initdb || { echo "postgresql installed, but initdb is not to be found"; exit 1; }
echo "postgresql: installed $(ls -d /usr/lib/postgresql/*/bin | head -n 1)"
