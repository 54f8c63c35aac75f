#!/usr/bin/env bash
# Benchmark (not a test): one assessment (1 product, 5 patents) and portfolios of 100 × 1,000 and
# 1,000 × 10,000 (products × patents), natively (release build) and in WebAssembly under Node, with
# the ratio, then the module's sizes. Builds pkg/ first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f pkg/patent_intensive_bg.wasm ] || scripts/build-wasm.sh
dir=target/bench
native=$(cargo run --quiet --release --example bench -- "$dir")
node scripts/bench.mjs "$dir" "$native"
node -e '
  const fs = require("fs"), zlib = require("zlib");
  const b = fs.readFileSync("pkg/patent_intensive_bg.wasm");
  const gzip = zlib.gzipSync(b, { level: 9 }).length;
  const br = zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`module: raw ${b.length} B, gzip ${gzip} B, brotli ${br} B`);
'
# The page at scale (docs/page.md): only when the e2e packages and Chromium are there.
if [ -d tests/e2e/node_modules/playwright-core ] && [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  [ -f www/pkg/patent_intensive_bg.wasm ] || scripts/build-wasm.sh
  node scripts/bench-page.mjs
fi
