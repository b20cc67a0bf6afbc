#!/usr/bin/env bash
# Overload without collapse (issue 13, target 3): on one warm server, SCENARIO offered at FACTOR x
# BASE calls/s for 30 s, then at BASE/2 for 30 s. Reports what the burst achieved (successful
# calls/s, refused with 503, response-time percentiles of the accepted calls, retransmissions),
# whether the server was back to full service within 5 s (failed calls of the second run and the
# time of its last failure), the datagrams the kernel dropped at the server's socket and at SIPp's
# during the burst, and the server's ERROR lines.
#
#   ./mvnw -B -q -DskipTests package && bench/overload.sh publish 1000 2
set -uo pipefail
. "$(dirname "$0")/lib.sh"
SCENARIO=${1:-publish}
BASE=${2:-1000}
FACTOR=${3:-2}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/overload.XXXXXX")
trap 'kill9_server; [[ -n "${KEEP:-}" ]] || rm -rf "$WORK"' EXIT
SCEN=$HARNESS/scenarios/$SCENARIO.xml
RATE=$((BASE * FACTOR))

start_server "$WORK/data" "$WORK/server.log" || exit 1
if [[ "$SCENARIO" == subscribe ]]; then
  sipp_run "$WORK/preload" 16800 "$HARNESS/scenarios/publish.xml" 1000 1000
fi
# Warm-up as the rate phases: WARMUP_CALLS at WARMUP_RATE (default 5000 at BASE/2). 5000 calls leave
# the JIT compiling through the burst (sixth campaign: SUBSCRIBE x2 served 721/s after 5000, 1,662/s
# after 30,000), so the burst measured the compiler as much as the overload control.
sipp_run "$WORK/warmup" 16810 "$SCEN" "${WARMUP_RATE:-$((BASE / 2))}" "${WARMUP_CALLS:-5000}"
sleep 2
cpu0=$(cpu_seconds "$PID")
refused0=$(refused_503)
# the kernel's drops at the server's socket and at SIPp's during the burst: a late answer is the
# server's only if its socket dropped (or it answered late), not SIPp's (bench/tools/udp-drops.py)
BURST_PORT=16820
python3 "$BENCH_ROOT/bench/tools/udp-drops.py" "$SIP_PORT" "$BURST_PORT" >"$WORK/drops.txt" &
sampler=$!
sipp_run "$WORK/burst" "$BURST_PORT" "$SCEN" "$RATE" $((RATE * 30)) -trace_rtt -rtt_freq 1000
kill -TERM "$sampler"; wait "$sampler" 2>/dev/null
refused1=$(refused_503)
cpu1=$(cpu_seconds "$PID")
sipp_run "$WORK/after" 16830 "$SCEN" $((BASE / 2)) $((BASE / 2 * 30)) -trace_err
errors=$(grep -c ERROR "$WORK/server.log" || true)
server_drops=$(awk -v p="$SIP_PORT" '$2 == p {print $4}' "$WORK/drops.txt")
sipp_drops=$(awk -v p="$BURST_PORT" '$2 == p {print $4}' "$WORK/drops.txt")
IFS=, read -r offered ok failed failpct elapsed okps retrans n p50 p90 p99 max _ _ <<<"$(python3 "$HARNESS/stats.py" sipp "$WORK/burst")"
read -r after_ok after_failed < <(sipp_counts "$WORK/after")
last_failure=""
if [[ "$after_failed" != 0 ]]; then
  first=$(head -1 "$WORK/after/stat.csv" >/dev/null; awk -F';' 'NR==2 {split($3, a, "\t"); print a[3]}' "$WORK/after/stat.csv")
  last=$(grep -ho "^[0-9-]*\t[0-9:.]*\t[0-9.]*" "$WORK/after"/*_errors.log 2>/dev/null | tail -1 | awk '{print $3}')
  [[ -n "$first" && -n "$last" ]] && last_failure=$(echo "$last - $first" | bc)
fi
stop_server
printf '%s x%s (%s/s offered, %s achieved start rate) for 30 s: %s ok = %.0f/s (%.0f%% of base %s/s), %s failed, %.0f refused 503, accepted p50/p90/p99 %s/%s/%s ms, %s retransmissions, %.2f ms CPU per offered call; UDP drops at the server %s, at SIPp %s; after: %s ok %s failed%s; server ERROR lines %s\n' \
  "$SCENARIO" "$FACTOR" "$RATE" "$offered" "$ok" "$okps" "$(echo "100 * $okps / $BASE" | bc -l)" "$BASE" "$failed" \
  "$(echo "$refused1 - $refused0" | bc)" "$p50" "$p90" "$p99" "$retrans" "$(echo "($cpu1 - $cpu0) * 1000 / ($RATE * 30)" | bc -l)" \
  "${server_drops:-?}" "${sipp_drops:-?}" "$after_ok" "$after_failed" "${last_failure:+ (last failure ${last_failure} s into it)}" "$errors"
