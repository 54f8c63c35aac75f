#!/usr/bin/env bash
# Benchmark (not a test; nothing is asserted on time): the worked example and portfolios of
# 100 × 1,000, 1,000 × 10,000 and 5,000 × 50,000 (products × patents), natively (release build),
# in WebAssembly under Node (`assessJson` and `assess`, prepared `Assessor`) and with the plain-JS
# baseline (bench/baseline/plain-js.mjs), in one run: times and their ratios, report bytes of both
# details, peak memory, the native time by phase and the scaling, and issue 10's targets beside the
# measured figures ("met" / "not met", nothing fails on time); then the module's sizes and, when
# the e2e packages and Chromium are there, the page at scale. Builds pkg/ first when it is missing.
# `scripts/bench.sh 1000x10000` runs only the cases whose names contain one of the words given.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f pkg/patent_intensive_bg.wasm ] || scripts/build-wasm.sh
dir=target/bench
cargo build --quiet --release --example bench
bin=target/release/examples/bench
native=$("$bin" "$dir" "$@")
node scripts/bench.mjs "$dir" "$native" "$bin"
node -e '
  const fs = require("fs"), zlib = require("zlib");
  const b = fs.readFileSync("pkg/patent_intensive_bg.wasm");
  const gzip = zlib.gzipSync(b, { level: 9 }).length;
  const br = zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`\nmodule: raw ${b.length} B, gzip ${gzip} B, brotli ${br} B`);
'
# The page at scale (docs/page.md): only when the e2e packages and Chromium are there.
if [ $# -eq 0 ] && [ -d tests/e2e/node_modules/playwright-core ] && [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  [ -f www/pkg/patent_intensive_bg.wasm ] || scripts/build-wasm.sh
  node scripts/bench-page.mjs
fi
