#!/usr/bin/env bash
# Fresh and warm runs of this checkout and another compiled one, each in its own process pinned
# to one CPU (the JIT compiler and GC share it), alternated N times (default 4); prints the CPU
# milliseconds of each run and the median ratio this/other per pair. A shared machine's speed
# drifts, so the pairs, not single runs, are the figure.
#   scripts/perf/pinned-ab.sh OTHER_ROOT [N]   (needs `npm run build`; CPU 1, or CPU 0 on one core)
set -euo pipefail
cd "$(dirname "$0")/../.."
other=$1; n=${2:-4}; cpu=$(( $(nproc) > 1 ? 1 : 0 ))
[ -f tmp/perf/reuters-8000.jsonl ] || node dist/scripts/perf/make-input.js 8000
for mode in fresh warm; do
  flag=""; [ "$mode" = warm ] && flag="--warm"
  ratios=()
  for r in $(seq 1 "$n"); do
    if (( r % 2 )); then
      a=$(taskset -c $cpu node dist/scripts/perf/pinned-run.js "$PWD" $flag); b=$(taskset -c $cpu node dist/scripts/perf/pinned-run.js "$other" $flag)
    else
      b=$(taskset -c $cpu node dist/scripts/perf/pinned-run.js "$other" $flag); a=$(taskset -c $cpu node dist/scripts/perf/pinned-run.js "$PWD" $flag)
    fi
    echo "$mode: this $a ms, other $b ms"
    ratios+=("$(python3 -c "print(round($a/$b, 3))")")
  done
  echo "$mode: median this/other $(printf '%s\n' "${ratios[@]}" | sort -n | python3 -c 'import sys,statistics; print(round(statistics.median(float(x) for x in sys.stdin), 3))') (${ratios[*]})"
done
