#!/usr/bin/env bash
# context switches and CPU per dialog at 500/s and 1000/s, one warm server
set -uo pipefail
cd /work/main
export JAR=${JAR:-/tmp/benchjar/presence-agent.jar}
export JVM_OPTS="-Xms1g -Xmx1g -XX:MaxGCPauseMillis=10 -XX:MaxTenuringThreshold=0"
. bench/lib.sh
OUT=${OUT:-/tmp/ovx/ctx}; rm -rf "$OUT"; mkdir -p "$OUT"
ctx() { cat /proc/$PID/task/*/status 2>/dev/null | awk '/^voluntary_ctxt_switches/ {v+=$2} /^nonvoluntary_ctxt_switches/ {n+=$2} END {print v, n}'; }
start_server "$OUT/data" "$OUT/server.log" || exit 1
sipp_run "$OUT/preload" 16800 "$HARNESS/scenarios/publish.xml" 1000 1000
sipp_run "$OUT/warmup" 16810 "$HARNESS/scenarios/subscribe.xml" 500 30000
sleep 3
for rate in 500 1000 500 1000; do
  read -r v0 n0 < <(ctx); c0=$(cpu_seconds $PID)
  sipp_run "$OUT/r$rate-$RANDOM" 16820 "$HARNESS/scenarios/subscribe.xml" $rate 10000
  read -r v1 n1 < <(ctx); c1=$(cpu_seconds $PID)
  echo "rate $rate: cpu $(echo "$c1-$c0"|bc) s; voluntary $((v1-v0)) nonvoluntary $((n1-n0)) per dialog $(( (v1-v0+n1-n0)/10000 ))"
  sleep 3
done
kill -9 $PID
