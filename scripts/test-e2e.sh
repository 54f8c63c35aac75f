#!/usr/bin/env bash
# End-to-end tests of the self-assessment page in Debian's Chromium: builds the WebAssembly and
# the single-file page, installs the pinned test packages when missing, and runs node's test
# runner. Screenshots, axe-core results and the measured time to first verdict go to
# artifacts/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."

# Idempotent: the wasm target, wasm-bindgen and Chromium, each only when missing.
if [ -x scripts/install-tools.sh ]; then scripts/install-tools.sh; fi
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium
fi
# A test-machine font so screenshots show Chinese text; the page itself loads no font.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends fonts-noto-cjk
fi

scripts/build-wasm.sh
node scripts/build-single-file.mjs

if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi

mkdir -p artifacts/e2e
cd tests/e2e
exec node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
