#!/usr/bin/env bash
# Integrators' bundlers (tests/bundlers/): the packed npm package imported by name from an app
# built with Vite, webpack and esbuild, each run in Debian's Chromium with every request to
# another origin refused and reported. Installs the pinned bundlers (tests/bundlers/
# package-lock.json) only when missing or older than the lock file; builds pkg/ only when it is
# missing (scripts/test.sh has just built it).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f pkg/patent_intensive_bg.wasm ]; then scripts/build-wasm.sh; fi
stamp=tests/bundlers/node_modules/.package-lock.json
if [ -f "$stamp" ] && [ "$stamp" -nt tests/bundlers/package-lock.json ]; then
  echo "== test-bundlers: pinned bundlers present"
else
  echo "== test-bundlers: installing the pinned bundlers (tests/bundlers/package-lock.json)"
  (cd tests/bundlers && npm ci --no-audit --no-fund --loglevel=error)
fi
cd tests/bundlers
exec node --test --test-reporter=spec ./*.test.mjs
