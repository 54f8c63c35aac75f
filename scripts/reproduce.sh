#!/usr/bin/env bash
# Reproduces this commit's build: clones the current commit into a temporary folder, builds the
# WebAssembly module, the npm package and the single-file page there (scripts/build-wasm.sh,
# scripts/build-single-file.mjs), builds them here as well, and compares every output file by
# SHA-256. Exit 0 when all are identical; otherwise each differing file is named and the exit
# status is 1 (2 when a build fails). Needs the tools of scripts/install-tools.sh.
#
# The clone's cargo output goes to target/reproduce/ in this checkout (not this checkout's own
# target/, whose final artifacts the clone's would overwrite): seeded from the dependencies
# already compiled here and kept between runs, so only the crate itself is rebuilt from the
# clone's sources. The cargo registry is the same one (CARGO_HOME).
# Uncommitted changes here are not in the clone: commit first, or expect them to show as
# differences. docs/reproduce.md says how an auditor checks a page they were handed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)

say() { printf '== reproduce: %s\n' "$*"; }

commit=$(git rev-parse HEAD)
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  say "warning: this checkout has uncommitted changes; the clone builds commit $commit as committed"
fi

clone=$(mktemp -d "${TMPDIR:-/tmp}/patent-intensive-reproduce.XXXXXX")
trap 'rm -rf "$clone"' EXIT
say "cloning $commit into $clone"
git clone --quiet --no-checkout --no-hardlinks "$root" "$clone/src"
git -C "$clone/src" checkout --quiet --detach "$commit"

# The pinned npm build tools (wasm-opt): the same install when the lock files agree, else the
# clone's own from its lock file.
if cmp -s tools/package-lock.json "$clone/src/tools/package-lock.json" && [ -x tools/node_modules/.bin/wasm-opt ]; then
  ln -s "$root/tools/node_modules" "$clone/src/tools/node_modules"
else
  (cd "$clone/src/tools" && npm ci --no-audit --no-fund --loglevel=error)
fi

# A first run seeds target/reproduce/ with a copy of the dependencies this checkout has already
# compiled (the same sources, flags and profiles: the clone only differs in where it sits), so a
# fresh CI checkout does not compile them a second time. Only libraries, build-script outputs and
# fingerprints of dependencies are copied; none of this crate's own artifacts, nor test binaries.
seed() {
  local from=target/$1 to=target/reproduce/$1
  [ -d "$from/deps" ] && [ ! -d "$to" ] || return 0
  mkdir -p "$to/deps" "$to/.fingerprint" "$to/build"
  find "$from/deps" -maxdepth 1 -type f \( -name 'lib*.rlib' -o -name 'lib*.rmeta' -o -name 'lib*.so' \) \
    ! -name 'libpatent_intensive*' -exec cp -p -t "$to/deps/" {} +
  for sub in .fingerprint build; do
    find "$from/$sub" -mindepth 1 -maxdepth 1 -type d ! -name 'patent-intensive-*' ! -name 'patent_intensive-*' \
      -exec cp -pR -t "$to/$sub/" {} +
  done
}
seed debug
seed wasm-release
seed wasm32-unknown-unknown/wasm-release

build() {
  scripts/build-wasm.sh >/dev/null
  node scripts/build-single-file.mjs >/dev/null
}

say "building in the clone"
started=$(date +%s)
if ! (cd "$clone/src" && CARGO_TARGET_DIR="$root/target/reproduce" build); then
  echo "reproduce: the build in the clone failed" >&2
  exit 2
fi
say "clone built in $(( $(date +%s) - started )) s; building this checkout"
if ! build; then
  echo "reproduce: the build in this checkout failed" >&2
  exit 2
fi

# Every file the builds write: the npm package, the page's copy of the module and glue, and the
# single-file page.
files=$( (cd "$clone/src" && find pkg www/pkg dist -type f | LC_ALL=C sort) )
here=$(find pkg www/pkg dist -type f | LC_ALL=C sort)
status=0
if [ "$files" != "$here" ]; then
  echo "reproduce: the builds wrote different sets of files:" >&2
  diff <(echo "$files") <(echo "$here") >&2 || true
  status=1
fi
for file in $files; do
  [ -f "$file" ] || continue
  ours=$(sha256sum "$file" | cut -d' ' -f1)
  theirs=$(sha256sum "$clone/src/$file" | cut -d' ' -f1)
  if [ "$ours" = "$theirs" ]; then
    printf '%s  %s\n' "$ours" "$file"
  else
    printf 'DIFFERENT  %s\n  this checkout %s\n  clean clone   %s\n' "$file" "$ours" "$theirs" >&2
    status=1
  fi
done


if [ "$status" -eq 0 ]; then
  say "identical: commit $commit builds to the same bytes in a clean clone"
else
  echo "reproduce: commit $commit does not build to the same bytes" >&2
fi
exit "$status"
