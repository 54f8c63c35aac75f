#!/usr/bin/env bash
# Builds the WebAssembly module and its JS glue for the page (www/pkg/).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --target wasm32-unknown-unknown --lib
wasm-bindgen --target web --out-dir www/pkg target/wasm32-unknown-unknown/release/patent_intensive.wasm
