#!/usr/bin/env bash
# Builds the WebAssembly module with the `trap-test` feature (an export that traps) into
# target/trap-test/glue/, for the package test that proves a trapped instance is replaced
# (tests/node/hostile.test.mjs). A separate target folder keeps the release module's build
# untouched; no wasm-opt, the size does not matter here.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --profile wasm-release --target wasm32-unknown-unknown --lib \
  --features trap-test --target-dir target/trap-test
wasm-bindgen --target web --experimental-reset-state-function --out-dir target/trap-test/glue \
  target/trap-test/wasm32-unknown-unknown/wasm-release/patent_intensive.wasm
