#!/bin/bash
# GC experiment: each JVM option set, warm-up 30k at 500/s, then 10k SUBSCRIBE dialogs at RATE.
cd /work/shared/bench
RATE=${RATE:-1000}
IFS='|' read -r -a choices <<< "$CHOICES"
idx=0
for opts in "${choices[@]}"; do
  idx=$((idx+1))
  tag=c$idx$(echo "$opts" | tr -cs "A-Za-z0-9" "_")
  echo "=== $opts" >> /tmp/gcx/bench.out
  LABEL="pa-gc$tag" TARGET=127.0.0.1:5070 SERVER_SETUP="rm -rf /tmp/presence-bench-data" \
    SERVER_CMD="java $opts -Xlog:gc:file=/tmp/gcx/gc$tag.log:time -jar /tmp/benchjar/presence-agent.jar --sip-port 5070 --http-port 18095 --data-dir /tmp/presence-bench-data --param max_publications=1000" \
    RESULTS=/tmp/gcx/results.csv SCENARIOS=subscribe RATES=$RATE CALLS=10000 REPEATS=1 WARMUP_CALLS=30000 WARMUP_RATE=500 \
    nice -n -10 ./bench.sh >> /tmp/gcx/bench.out 2>&1
done
echo ALLDONE >> /tmp/gcx/bench.out
