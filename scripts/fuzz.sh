#!/usr/bin/env bash
# scripts/fuzz.sh N [SEED]: N generated hostile documents through `batch` and the npm package
# (scripts/fuzz.mjs says what is generated and what fails the run). Builds the release CLI, and
# pkg/ unless it is there already (scripts/build-wasm.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release
[ -f pkg/node.js ] || scripts/build-wasm.sh
exec node scripts/fuzz.mjs "${1:-1000}" "${2:-20261129}"
