#!/usr/bin/env bash
# Bundles the stage-timing harness (scripts/perf/stages.ts) into one file with esbuild, so two
# versions of the pipeline can be timed side by side:  scripts/perf/bundle.sh OUT.mjs [ROOT]
# (ROOT: a checkout holding src/ and scripts/perf/, default this one). Run the bundle from a
# folder inside the newsgraph package (it finds build/, models/ and data/ from there).
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
root="${2:-$here}"
"$here/node_modules/.bin/esbuild" "$root/scripts/perf/stages.ts" --bundle --platform=node --format=esm --log-level=warning \
  --outfile="$1" --banner:js="import{createRequire as __cr}from'module';const require=__cr(import.meta.url);"
