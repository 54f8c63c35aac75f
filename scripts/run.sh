#!/usr/bin/env bash
# The main job: install what is missing, build the WebAssembly, and serve the self-assessment
# page on http://127.0.0.1:${PORT:-8080}/ with the worked example loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x scripts/install-tools.sh ]; then scripts/install-tools.sh; fi
scripts/build-wasm.sh
# The offline single-file page (dist/patent-intensive.html) comes along when Node is here.
if command -v node >/dev/null; then node scripts/build-single-file.mjs; fi
port="${PORT:-8080}"
echo "patent-intensive: serving www/ on http://127.0.0.1:${port}/ (Ctrl-C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
