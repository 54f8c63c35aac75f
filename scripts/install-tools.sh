#!/usr/bin/env bash
# Installs every tool the builds and tests need, each only when it is missing or at the wrong
# version, so a second run takes seconds:
#   - the wasm32-unknown-unknown target (rustup);
#   - wasm-bindgen-cli at exactly the version Cargo.lock pins for the wasm-bindgen crate (the glue
#     and the test runner must match it, or the generated JS does not fit the module);
#   - Chromium and chromedriver from Debian (for the browser test suites);
#   - the pinned npm tools in tools/ (wasm-opt from binaryen, tsc, playwright-core, axe-core, ajv).
# Debian's binaryen is never installed: its wasm-opt corrupts wasm-bindgen output.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '== install-tools: %s\n' "$*"; }

# The wasm-bindgen version from Cargo.lock, so one pin (Cargo.toml's `=X.Y.Z`) drives both.
bindgen_version=$(awk '
  $0 == "name = \"wasm-bindgen\"" { found = 1; next }
  found && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  echo "install-tools: cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

have_bindgen=$( (wasm-bindgen --version 2>/dev/null || true) | awk '{print $2}')
have_runner=$( (wasm-bindgen-test-runner --version 2>/dev/null || true) | awk '{print $2}')
if [ "$have_bindgen" = "$bindgen_version" ] && [ "$have_runner" = "$bindgen_version" ]; then
  say "wasm-bindgen-cli $bindgen_version present"
else
  say "installing wasm-bindgen-cli $bindgen_version (found '${have_bindgen:-none}')"
  # Without --locked: the registry mirror lacks one version the CLI's own lock file pins.
  cargo install wasm-bindgen-cli --version "=$bindgen_version" --force
fi

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  say "chromium and chromedriver present"
else
  say "installing chromium and chromedriver from apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium chromium-driver
fi

# npm tools: `npm ci` only when node_modules is missing or older than the lock file.
stamp=tools/node_modules/.package-lock.json
if [ -f "$stamp" ] && [ "$stamp" -nt tools/package-lock.json ] && [ -x tools/node_modules/.bin/wasm-opt ]; then
  say "npm tools present"
else
  say "installing the pinned npm tools (tools/package-lock.json)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi
say "done"
