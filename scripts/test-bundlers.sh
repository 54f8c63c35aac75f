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
  # `npm install` from the lock file rather than `npm ci`: Vite lists a Windows-only optional
  # package (napi-windows-process-start-time) that the registry reachable here does not have, so
  # the lock cannot record it and `npm ci` refuses the lock as out of sync. `npm install` follows
  # the same lock and skips the missing optional package; the check below keeps the pins honest.
  cp tests/bundlers/package-lock.json "${TMPDIR:-/tmp}/bundlers-lock.$$"
  (cd tests/bundlers && npm install --no-audit --no-fund --loglevel=error)
  if ! cmp -s tests/bundlers/package-lock.json "${TMPDIR:-/tmp}/bundlers-lock.$$"; then
    mv "${TMPDIR:-/tmp}/bundlers-lock.$$" tests/bundlers/package-lock.json
    echo "test-bundlers: npm changed tests/bundlers/package-lock.json; the pinned versions no longer install" >&2
    exit 1
  fi
  rm -f "${TMPDIR:-/tmp}/bundlers-lock.$$"
fi
cd tests/bundlers
exec node --test --test-reporter=spec ./*.test.mjs
