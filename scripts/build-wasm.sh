#!/usr/bin/env bash
# Builds the WebAssembly module once and lays it out twice:
#   www/pkg/  the page's copy (wasm-bindgen web target: `await init()` then call);
#   pkg/      the npm package `patent-intensive` (template in npm/, version from Cargo.toml).
# The module is built with the wasm-release profile, then optimised with wasm-opt -O3 from the pinned
# npm binaryen (tools/; never Debian's, which corrupts wasm-bindgen output). Prints the raw, gzip
# and brotli sizes and fails when the gzip size is over the budget.
set -euo pipefail
cd "$(dirname "$0")/.."

# The budget: 150 KB gzip (150,000 B, gzip -9 as zlib writes it), docs/wasm.md "Size" says what is
# where and what each change cost. An override is for measuring only: PI_WASM_BUDGET=999999.
budget_gzip=${PI_WASM_BUDGET:-150000}
wasm_opt=tools/node_modules/.bin/wasm-opt
if [ ! -x "$wasm_opt" ] || ! command -v wasm-bindgen >/dev/null; then
  echo "build-wasm: tools missing; run scripts/install-tools.sh" >&2
  exit 1
fi

# Reproducible bytes (scripts/reproduce.sh): the module must not depend on where the cargo
# registry sits. Panic locations of dependencies would carry the registry's absolute path, so it
# is remapped to a fixed name; the Rust standard library's paths are already /rustc/<commit>, and
# cargo names this crate's own files relative to the checkout. (The checkout's path is not
# remapped on purpose: it would make the flags differ per checkout, and a clean clone could then
# not reuse compiled dependencies.) Only the wasm32 target gets the flag, so native builds and
# the wasm test builds (another profile) keep their caches.
cargo_home=$(cd "${CARGO_HOME:-$HOME/.cargo}" && pwd -P)
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$cargo_home=/cargo"
target_dir=${CARGO_TARGET_DIR:-target}
cargo build --profile wasm-release --target wasm32-unknown-unknown --lib
unset CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS
built=$target_dir/wasm32-unknown-unknown/wasm-release/patent_intensive.wasm

glue=$target_dir/wasm-glue
rm -rf "$glue"
# The reset-state function lets the package replace an instance that trapped (npm/guard.js).
wasm-bindgen --target web --experimental-reset-state-function --out-dir "$glue" "$built"
# -O3 rather than -Oz: on the module cargo built for size (opt-level "z"), wasm-opt's speed passes
# cost 220 B gzip (147,001 B against 146,781 B) and saved about 8 % of the CPU time of an
# assessment at 1,000 products × 10,000 patents (median of seven alternating runs of
# scripts/bench-cpu.mjs; faster in six) and 3–16 % on the worked example; -Os was 129 B smaller
# than -Oz but not steadily faster, -O2 856 B larger.
# --converge: passes repeated until the module stops changing (about 0.6 KB gzip, a few seconds).
# The producers and target-features sections say which tools made the module and which features
# it uses; nothing reads them at run time (0.2 KB gzip).
"$wasm_opt" -O3 --converge --strip-producers --strip-target-features \
  "$glue/patent_intensive_bg.wasm" -o "$glue/patent_intensive_bg.opt.wasm"
mv "$glue/patent_intensive_bg.opt.wasm" "$glue/patent_intensive_bg.wasm"

# The page's copy.
mkdir -p www/pkg
rm -f www/pkg/patent_intensive*
cp "$glue"/patent_intensive.js "$glue"/patent_intensive.d.ts "$glue"/patent_intensive_bg.wasm \
  "$glue"/patent_intensive_bg.wasm.d.ts www/pkg/

# The npm package.
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
rm -rf pkg
mkdir -p pkg
cp npm/README.md npm/index.js npm/node.js npm/web.js npm/guard.js npm/index.d.ts npm/web.d.ts pkg/
# The types index.d.ts re-exports, generated from the Rust types (src/typescript.rs).
mkdir -p pkg/types
cp npm/types/*.d.ts pkg/types/
cp "$glue"/patent_intensive.js "$glue"/patent_intensive_bg.wasm pkg/
node -e '
  const fs = require("fs");
  const manifest = JSON.parse(fs.readFileSync("npm/package.json", "utf8"));
  manifest.version = process.argv[1];
  fs.writeFileSync("pkg/package.json", JSON.stringify(manifest, null, 2) + "\n");
' "$version"
cargo run --quiet --example input_schema -- pkg/input.schema.json

node -e '
  const fs = require("fs"), zlib = require("zlib");
  const [label, file, budget] = process.argv.slice(1);
  const bytes = fs.readFileSync(file);
  const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  const kb = (n) => (n / 1000).toFixed(1) + " KB";
  console.log(`${label}: raw ${kb(bytes.length)} (${bytes.length} B), gzip ${kb(gzip)} (${gzip} B), brotli ${kb(brotli)} (${brotli} B); budget ${kb(+budget)} gzip`);
  if (gzip > +budget) {
    console.error(`build-wasm: the module is over the size budget by ${gzip - budget} B gzip`);
    process.exit(1);
  }
' "patent_intensive_bg.wasm" pkg/patent_intensive_bg.wasm "$budget_gzip"
echo "build-wasm: pkg/ (patent-intensive@$version) and www/pkg/ written"
