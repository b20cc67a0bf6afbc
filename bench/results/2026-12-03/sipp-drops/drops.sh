#!/usr/bin/env bash
# 1000 SUBSCRIBE dialogs/s x3 on one warm server, sampling each UDP socket's kernel drop counter
# (/proc/net/udp, last column) to tell the server's drops from SIPp's
set -uo pipefail
cd /work/main
export JAR=${JAR:-/tmp/benchjar/presence-agent-aggr.jar}
. bench/lib.sh
OUT=${OUT:-/tmp/ovx/drops}; rm -rf "$OUT"; mkdir -p "$OUT"
start_server "$OUT/data" "$OUT/server.log" || exit 1
sipp_run "$OUT/preload" 16800 "$HARNESS/scenarios/publish.xml" 1000 1000
sipp_run "$OUT/warmup" 16810 "$HARNESS/scenarios/subscribe.xml" 500 ${WARM:-30000}
sleep 3
for i in 1 2 3; do
  python3 /tmp/ovx/udpsample.py 5070 16820 > $OUT/udp-$i.txt &
  SAMPLER=$!
  sipp_run "$OUT/r1000-$i" 16820 "$HARNESS/scenarios/subscribe.xml" 1000 10000 -trace_err
  kill -TERM $SAMPLER; sleep 0.5
  echo "run $i: $(grep -a -E 'Failed call' $OUT/r1000-$i/sipp.out | tail -1 | tr -s ' '); retrans $(sed -n '/Messages  Retrans/,/^---/p' $OUT/r1000-$i/sipp.out | awk '$1=="SUBSCRIBE" {printf "%s ", $5}')"
  cat $OUT/udp-$i.txt
  sleep 5
done
kill -9 $PID
