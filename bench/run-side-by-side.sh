#!/usr/bin/env bash
# Runs the shared SIPp harness (../shared/bench, see its README) against Presence Agent (durable,
# use_db=1; and memory only, use_db=0) and against Kamailio's presence module, side by side, on
# this machine's loopback. Results: bench/results/<date>/results.csv and summary.md.
#
#   bench/run-side-by-side.sh              # defaults below
#   RATES="500 1000" CALLS=5000 bench/run-side-by-side.sh
set -euo pipefail
cd "$(dirname "$0")/.."
HARNESS=${HARNESS:-$(realpath ../shared/bench)}
JAR=$(realpath target/presence-agent.jar)
OUT=${OUT:-$(pwd)/bench/results/$(date +%Y-%m-%d)}
RATES=${RATES:-"500 1000 2000"}
CALLS=${CALLS:-10000}
REPEATS=${REPEATS:-1}
SCENARIOS=${SCENARIOS:-"publish subscribe"}
mkdir -p "$OUT"
export RESULTS="$OUT/results.csv" BENCH_OUT=/tmp/presence-bench RATES CALLS REPEATS SCENARIOS

LABEL=kamailio-mem "$HARNESS/bench.sh"
for mode in 1 0; do
  LABEL="presence-agent-use_db=$mode" TARGET=127.0.0.1:5070 SERVER_SETUP="rm -rf /tmp/presence-bench-data" \
    SERVER_CMD="java -Xms512m -Xmx512m -jar $JAR --sip-port 5070 --http-port 18095 --data-dir /tmp/presence-bench-data --param use_db=$mode" \
    "$HARNESS/bench.sh"
done
python3 "$HARNESS/stats.py" summary "$RESULTS" | tee "$OUT/summary.md"
