#!/usr/bin/env bash
# Saves the analyses the optimisation must not change, under tmp/perf/DIR (default "ref"):
# the first 1,000 Reuters bodies, the PolNeAR dev input and the seed article.
#   scripts/perf/snapshot.sh [DIR]        (needs `npm run build` and scripts/perf/make-input.ts)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="tmp/perf/${1:-ref}"
mkdir -p "$dir"
# one thread, in input order: wink-nlp learns every new word into its lexicon, so an article's
# tokens can depend on the articles analysed before it in the same thread (see the perf notes)
workers=""
node bin/newsgraph.js analyze --help | grep -q -- '--workers' && workers="--workers 1"
[ -f tmp/perf/reuters-1000.jsonl ] || npx tsx scripts/perf/make-input.ts 1000
[ -f tmp/perf/polnear-input.jsonl ] || python3 ../shared/eval/score.py input quotes ../shared/data/attribution/polnear_dev.jsonl > tmp/perf/polnear-input.jsonl
node bin/newsgraph.js analyze --jsonl tmp/perf/reuters-1000.jsonl $workers > "$dir/reuters.jsonl"
node bin/newsgraph.js analyze --jsonl tmp/perf/polnear-input.jsonl $workers > "$dir/polnear.jsonl"
node bin/newsgraph.js analyze ../shared/seed/article.txt --format json > "$dir/seed.json"
wc -l "$dir"/*.jsonl
