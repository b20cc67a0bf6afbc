#!/usr/bin/env bash
set -uo pipefail
cd /work/main
export JAR=${JAR:-/tmp/benchjar/presence-agent.jar}
. bench/lib.sh
OUT=${OUT:-/tmp/ovx/prof}; rm -rf "$OUT"; mkdir -p "$OUT"
start_server "$OUT/data" "$OUT/server.log" || exit 1
sipp_run "$OUT/preload" 16800 "$HARNESS/scenarios/publish.xml" 1000 1000
sipp_run "$OUT/warmup" 16810 "$HARNESS/scenarios/subscribe.xml" 500 ${WARM:-30000}
sleep 3
(sleep 3; bench/profile/profile.sh $PID $OUT/cpu.collapsed 12 ${EVENT:-cpu}) &
sipp_run "$OUT/r500" 16820 "$HARNESS/scenarios/subscribe.xml" 500 10000
sleep 2
kill -9 $PID
