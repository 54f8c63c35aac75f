#!/usr/bin/env bash
# The WebAssembly suites: builds pkg/ and www/pkg/ (with the size budget), runs the bindings'
# wasm-bindgen-test suites in Node and in headless Chromium, then the Node tests of the package:
# every conformance case byte for byte against the native reports, the input schema against every
# example and case, and the packed tarball installed and used from ESM and TypeScript.
# Needs the tools of scripts/install-tools.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== build the module and the npm package"
scripts/build-wasm.sh

echo "== native reports of every conformance case"
cargo run --quiet --example native_reports

echo "== wasm-bindgen-test: Node and headless Chromium"
# The core package only: the command line (cli/) is native and never built for wasm32.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" \
  cargo test -p patent-intensive --target wasm32-unknown-unknown --test wasm_node --test wasm_browser

echo "== node --test: conformance through WASM, schema, package"
node --test tests/node/*.test.mjs
