#!/usr/bin/env bash
# The accuracy checks the optimisation must keep: seed facts, events, quotes, time, NER.
# Full reports go to tmp/perf/evals-DIR/ (default "now"), so two runs can be diffed.
set -uo pipefail
cd "$(dirname "$0")/../.."
dir="tmp/perf/evals-${1:-now}"
mkdir -p "$dir"
node bin/newsgraph.js analyze ../shared/seed/article.txt --format json > "$dir/seed.json"
python3 ../shared/eval/score.py seed "$dir/seed.json" > "$dir/seed.txt"
node bin/newsgraph.js eval events --jsonl ../shared/data/events/plover_gsr_dev.jsonl > "$dir/events.txt" 2>&1
node bin/newsgraph.js eval quotes --jsonl ../shared/data/attribution/polnear_dev.jsonl > "$dir/quotes.txt" 2>&1
node bin/newsgraph.js eval time --jsonl ../shared/data/time/timebank.jsonl > "$dir/time.txt" 2>&1
node bin/newsgraph.js eval ner --conll ../shared/data/ner/eng.testa > "$dir/ner.txt" 2>&1
echo "seed:   $(tail -1 "$dir/seed.txt")"
echo "events: $(grep -iE 'type|actors' "$dir/events.txt" | head -3 | tr -s ' ' | tr '\n' '|')"
echo "quotes: $(tail -1 "$dir/quotes.txt")"
echo "time:   $(grep -E '^value' "$dir/time.txt")"
echo "ner:    $(tail -1 "$dir/ner.txt")"
