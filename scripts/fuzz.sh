#!/usr/bin/env bash
# scripts/fuzz.sh N [SEED]: N generated hostile documents through `batch` and the npm package
# (scripts/fuzz.mjs says what is generated and what fails the run). Builds the CLI (package
# patent-intensive-cli in cli/, into the workspace's target/; release, or with FUZZ_PROFILE=debug
# the test build, as scripts/test.sh uses it), and pkg/ unless it is there already
# (scripts/build-wasm.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${FUZZ_PROFILE:-release}
if [ "$profile" = release ]; then
  cargo build --quiet --release -p patent-intensive-cli
else
  cargo build --quiet -p patent-intensive-cli
fi
[ -f pkg/node.js ] || scripts/build-wasm.sh
PI_CLI="target/$profile/patent-intensive" exec node scripts/fuzz.mjs "${1:-1000}" "${2:-20261129}"
