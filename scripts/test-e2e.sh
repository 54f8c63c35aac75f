#!/usr/bin/env bash
# End-to-end tests of the self-assessment page in Debian's Chromium: builds the WebAssembly and
# the single-file page, installs the pinned test packages when missing, and runs node's test
# runner, then prints the page benchmark. Screenshots, axe-core results, the measured time to
# first verdict and the benchmark's figures go to artifacts/e2e/.
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
(cd tests/e2e && node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs)

# The page benchmark at 20 × 500, 200 × 5,000 and 1,000 × 10,000: printed, never asserted (timings
# depend on the machine and its load). PAGE_BENCH=0 skips it.
if [ "${PAGE_BENCH:-1}" != "0" ]; then
  echo "== page benchmark (scripts/bench-page.mjs; not a test)"
  node scripts/bench-page.mjs | tee artifacts/e2e/bench-page.txt
fi
