#!/usr/bin/env bash
# Every test: installs what is missing (idempotently), then lints, the Rust suites of the workspace
# (the core: unit, conformance, properties, layers; cli/: the command line, hostile input), the WebAssembly suites (Node, Chromium, npm package) and the
# page's end-to-end tests in a real browser.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
if [ -x scripts/install-tools.sh ]; then scripts/install-tools.sh; fi

echo "== lint"
cargo fmt --all --check
# With the `ts` feature, so the TypeScript generator (src/typescript.rs) and its derives are linted
# in the same pass (the feature only adds them); the library without it is linted for wasm32.
cargo clippy --workspace --all-targets --features patent-intensive/ts -- -D warnings
cargo clippy -p patent-intensive --target wasm32-unknown-unknown --lib -- -D warnings

echo "== rust tests"
cargo test --workspace --all-targets
cargo test --workspace --doc
# npm/types/*.d.ts must be what the Rust types generate (regenerate: see src/typescript.rs).
cargo test -p patent-intensive --features ts --test typescript

# The page benchmark scripts/test-e2e.sh prints after its tests is not a test: scripts/bench.sh
# runs it (PAGE_BENCH=1 here prints it anyway).
export PAGE_BENCH=${PAGE_BENCH:-0}
for suite in scripts/test-wasm.sh scripts/test-e2e.sh; do
  if [ -x "$suite" ]; then
    echo "== $suite"
    "$suite"
  fi
done
echo "== fuzz: 3,000 hostile documents through batch and the package"; FUZZ_PROFILE=debug scripts/fuzz.sh 3000
# Integrators' bundlers (Vite, webpack, esbuild) in Chromium, then the reproducible build: the
# commit rebuilt in a clean clone must give the same bytes (scripts/reproduce.sh).
for suite in scripts/test-bundlers.sh scripts/reproduce.sh; do
  if [ -x "$suite" ]; then
    echo "== $suite"
    "$suite"
  fi
done
echo "== all suites passed in $(( $(date +%s) - started )) s"
