#!/usr/bin/env bash
# Builds the WebAssembly module with the `trap-test` feature (an export that traps) into
# target/trap-test/glue/, for the package test that proves a trapped instance is replaced
# (tests/node/hostile.test.mjs). The dev profile in the workspace's own target folder: the
# dependencies are the ones the wasm-bindgen-test suites have just compiled for wasm32, so only
# this crate is built again (a release build in a folder of its own recompiled everything, with
# LTO, for minutes). No wasm-opt: the size does not matter here, and the release module's
# artifacts (profile wasm-release) are not touched.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --target wasm32-unknown-unknown --lib --features trap-test
wasm-bindgen --target web --experimental-reset-state-function --out-dir target/trap-test/glue \
  target/wasm32-unknown-unknown/debug/patent_intensive.wasm
