#!/usr/bin/env bash
# per-thread context switches and CPU per SUBSCRIBE dialog, one warm server
set -uo pipefail
cd /work/main
export JAR=${JAR:-/tmp/benchjar/presence-agent.jar}
. bench/lib.sh
OUT=${OUT:-/tmp/ovx/thr}; rm -rf "$OUT"; mkdir -p "$OUT"
snap() { for t in /proc/$PID/task/*; do
  c=$(tr ' ' '_' < $t/comm | sed -E 's/[0-9#]+$//'); s=$(awk '{print $14+$15}' $t/stat)
  awk -v c="$c" -v s="$s" '/^voluntary_ctxt/ {v=$2} /^nonvoluntary_ctxt/ {n=$2} END {print c, v, n, s}' $t/status
done | awk '{v[$1]+=$2; n[$1]+=$3; s[$1]+=$4} END {for (k in v) print k, v[k], n[k], s[k]}' | sort; }
start_server "$OUT/data" "$OUT/server.log" || exit 1
sipp_run "$OUT/preload" 16800 "$HARNESS/scenarios/publish.xml" 1000 1000
sipp_run "$OUT/warmup" 16810 "$HARNESS/scenarios/subscribe.xml" 500 ${WARM:-30000}
sleep 3
for rate in ${RATES:-500 1000}; do
  snap > $OUT/before; c0=$(cpu_seconds $PID); u0=$(metric presence_db_commit_units_total); b0=$(metric presence_db_commit_batches_total)
  sipp_run "$OUT/r$rate-$RANDOM" 16820 "$HARNESS/scenarios/subscribe.xml" $rate 10000
  snap > $OUT/after; c1=$(cpu_seconds $PID); u1=$(metric presence_db_commit_units_total); b1=$(metric presence_db_commit_batches_total); echo "units $(echo "$u1-$u0"|bc) batches $(echo "$b1-$b0"|bc)"
  echo "rate $rate: cpu $(echo "$c1-$c0"|bc) s"
  join $OUT/before $OUT/after | awk '{dv=$5-$2; dn=$6-$3; ds=$7-$4; if (dv+dn>100 || ds>10) printf "%-45s vol/dialog %6.2f invol/dialog %5.2f cpu_ticks %5d\n", $1, dv/10000, dn/10000, ds}' | sort -k3 -nr
  sleep 3
done
kill -9 $PID
