#!/usr/bin/env bash
# Profiles the warm fan-out: starts the jar (bench/lib.sh), warms it with 5,000 SUBSCRIBE dialogs and
# 5,000 PUBLISHes of the harness's scenarios at 250/s, subscribes 1000 watchers to one presentity at
# 500/s, then profiles (bench/profile/profile.sh, CPU, 1 ms) while the publisher sends its 20 changes
# and the watchers un-SUBSCRIBE. Prints the refusal counters and the watchers' outcome.
#
#   bench/profile/fanout-profile.sh OUT.collapsed [SECONDS] [--param name=value ...]
#
# Needs the harness copy with the numbered publisher branches that `PHASES=fanout
# bench/run-side-by-side.sh` makes in $BENCH_OUT/harness-fanout (default /tmp/presence-bench).
set -uo pipefail
OUTP=$(realpath -m "$1"); SECS=${2:-10}; shift 2 2>/dev/null || shift $#
cd "$(dirname "$0")/../.."
source bench/lib.sh
H=${BENCH_OUT:-/tmp/presence-bench}/harness-fanout
[[ -f $H/scenarios/fanout_watchers.xml ]] || { echo "no harness copy at $H: run PHASES=fanout bench/run-side-by-side.sh once" >&2; exit 2; }
WORK=$(mktemp -d)
start_server "$WORK/data" "$WORK/server.log" "$@" || exit 1
mkdir -p "$WORK"/{s,p,w,pub}
for ws in subscribe publish; do
  (cd "$WORK/${ws:0:1}" && timeout 80 $SIPP 127.0.0.1:$SIP_PORT -sf "$H/scenarios/$ws.xml" -inf "$H/users.csv" -r 250 -m 5000 \
    -l 15000 -timeout 60s -i 127.0.0.1 -p 16300 -nostdin -max_socket 5000 >/dev/null 2>&1)
done
sleep 2
sed "s/@K@/20/; s/@GAP_MS@/0/" "$H/scenarios/fanout_publisher.xml.tmpl" > "$WORK/pub/pub.xml"
(cd "$WORK/w" && timeout 100 $SIPP 127.0.0.1:$SIP_PORT -sf "$H/scenarios/fanout_watchers.xml" -m 1000 -l 1000 -r 500 \
  -timeout 90s -i 127.0.0.1 -p 16200 -nostdin -default_behaviors abortunexp,pingreply -trace_err -trace_screen >/dev/null 2>&1) &
WATCHERS=$!
sleep 4
bench/profile/profile.sh "$PID" "$OUTP" "$SECS" cpu >/dev/null &
PROFILER=$!
sleep 0.5
(cd "$WORK/pub" && timeout 100 $SIPP 127.0.0.1:$SIP_PORT -sf pub.xml -m 1 -timeout 90s -i 127.0.0.1 -p 16301 -nostdin \
  -trace_err -trace_screen >/dev/null 2>&1)
wait "$WATCHERS"; wait "$PROFILER"
curl -s "http://127.0.0.1:$HTTP_PORT/metrics" | grep -E 'overload_refused_total|commit_(units|batches)_total' | grep -v '^#'
grep -v '^\s*$' "$WORK"/w/*screen.log | grep -E 'Successful call|Failed call' | tail -2
kill "$PID"; wait "$PID" 2>/dev/null
echo "profile: $OUTP (server log and SIPp files in $WORK)"
