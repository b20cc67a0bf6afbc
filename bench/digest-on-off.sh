#!/usr/bin/env bash
# Digest authentication on vs off (issue 13, target 6): the same SIPp scenario against our server
# started with digest_auth=1 and with digest_auth=0, alternating, each run on a fresh server after
# its own warm-up, so the setting is the only difference. Per run: successful calls/s, failed,
# retransmissions, response-time percentiles, the server's CPU per call and the 401s it sent.
#
#   ./mvnw -B -q -DskipTests package && bench/digest-on-off.sh
#   OUT=bench/results/2026-12-03/digest SCENARIOS=subscribe_digest RATES="500 1000" bench/digest-on-off.sh
#
# Scenarios (bench/scenarios): subscribe_digest (the harness's SUBSCRIBE dialog, one challenge per
# dialog) and publish_digest (publish, then remove it: both requests challenged). SIPp 3.6 can
# authenticate as one user per run only (-au/-ap/-auth_uri), so every call is the one subscriber
# DIGEST_USER; the scenario headers say what that changes. Results: $OUT/digest.csv, $OUT/summary.md.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
OUT=${OUT:-$BENCH_ROOT/bench/results/$(date +%Y-%m-%d)/digest-on-off}
SCENARIOS=${SCENARIOS:-"subscribe_digest publish_digest"}
RATES=${RATES:-500}
REPEATS=${REPEATS:-3}
CALLS=${CALLS:-10000}
WARMUP_CALLS=${WARMUP_CALLS:-30000}
WARMUP_RATE=${WARMUP_RATE:-500}
DIGEST_USER=${DIGEST_USER:-bench}
DIGEST_DOMAIN=127.0.0.1
DIGEST_PASSWORD=${DIGEST_PASSWORD:-bench-$RANDOM-$RANDOM}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/digest-on-off.XXXXXX")
trap 'kill9_server; [[ -n "${KEEP:-}" ]] || rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
CSV=$OUT/digest.csv
[[ -f "$CSV" ]] || echo "scenario,rate,digest_auth,rep,offered_cps,success,failed,fail_pct,elapsed_s,success_cps,retrans,rtd1_n,rtd1_p50_ms,rtd1_p90_ms,rtd1_p99_ms,rtd1_max_ms,rtd2_p50_ms,rtd2_p99_ms,cpu_s,cpu_ms_per_call,challenges_401,server_errors" >"$CSV"
echo "$(date -Iseconds) $0 SCENARIOS=\"$SCENARIOS\" RATES=\"$RATES\" REPEATS=$REPEATS CALLS=$CALLS WARMUP_CALLS=$WARMUP_CALLS WARMUP_RATE=$WARMUP_RATE JVM_OPTS=\"$JVM_OPTS\" BENCH_PARAMS=\"$BENCH_PARAMS\" JAR=$JAR $(git -C "$BENCH_ROOT" rev-parse --short HEAD)" >>"$OUT/commands.txt"

# requests answered 4xx so far (/metrics counts final responses by class): in these scenarios the
# 401 challenges, since any other 4xx fails the call
challenges() {
  curl -s "http://127.0.0.1:$HTTP_PORT/metrics" \
    | awk '$1 ~ /^presence_sip_requests_total\{/ && $1 ~ /class="4xx"/ {sum += $2} END {print sum + 0}'
}

one_run() { # scenario rate digest_auth rep
  local scen=$1 rate=$2 mode=$3 rep=$4 dir="$WORK/$1-$2-$3-$4"
  local auth=(-key pres_user "$DIGEST_USER" -key pres_domain "$DIGEST_DOMAIN"
    -au "$DIGEST_USER" -ap "$DIGEST_PASSWORD" -auth_uri "$DIGEST_USER@$DIGEST_DOMAIN")
  mkdir -p "$dir"
  start_server "$dir/data" "$dir/server.log" --param digest_auth="$mode" \
    --param subscribers="$DIGEST_USER@$DIGEST_DOMAIN:$DIGEST_PASSWORD" || return 1
  log "$scen $rate/s digest_auth=$mode rep $rep: warm-up $WARMUP_CALLS at $WARMUP_RATE/s"
  sipp_run "$dir/warmup" 16850 "$SCENARIOS_DIR/$scen.xml" "$WARMUP_RATE" "$WARMUP_CALLS" "${auth[@]}"
  sleep 2
  local cpu0 c0 cpu1 c1
  cpu0=$(cpu_seconds "$PID"); c0=$(challenges)
  sipp_run "$dir/run" 16860 "$SCENARIOS_DIR/$scen.xml" "$rate" "$CALLS" "${auth[@]}" -trace_rtt -rtt_freq 1000 -trace_err
  cpu1=$(cpu_seconds "$PID"); c1=$(challenges)
  stop_server
  local errors fields
  errors=$(grep -c ERROR "$dir/server.log" || true)
  fields=$(python3 "$HARNESS/stats.py" sipp "$dir/run")
  echo "$scen,$rate,$mode,$rep,$fields,$(echo "$cpu1 - $cpu0" | bc),$(echo "scale=3; ($cpu1 - $cpu0) * 1000 / $CALLS" | bc),$(echo "$c1 - $c0" | bc),$errors" >>"$CSV"
  log "  -> $(tail -1 "$CSV")"
}

for rep in $(seq 1 "$REPEATS"); do
  for scen in $SCENARIOS; do
    for rate in $RATES; do
      # alternate which setting goes first, so a drift of the machine does not favour one
      if (( rep % 2 )); then modes="0 1"; else modes="1 0"; fi
      for mode in $modes; do one_run "$scen" "$rate" "$mode" "$rep"; done
    done
  done
done

# medians per scenario, rate and setting
python3 - "$CSV" >"$OUT/summary.md" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
groups = {}
for r in rows:
    groups.setdefault((r['scenario'], r['rate'], r['digest_auth']), []).append(r)
def med(rs, k):
    v = [float(r[k]) for r in rs if r[k] not in ('', None)]
    return statistics.median(v) if v else float('nan')
print('| scenario | rate | digest_auth | runs | success/s | failed (sum) | retrans (sum) | p50 / p99 ms (rtd1) | CPU ms per call | 401s per call | server ERROR lines |')
print('|---|---|---|---|---|---|---|---|---|---|---|')
for (s, rate, mode), rs in sorted(groups.items()):
    calls = sum(int(r['success']) + int(r['failed']) for r in rs) or 1
    print(f"| {s} | {rate} | {mode} | {len(rs)} | {med(rs, 'success_cps'):.1f} | {sum(int(r['failed']) for r in rs)} | "
          f"{sum(int(r['retrans'] or 0) for r in rs)} | {med(rs, 'rtd1_p50_ms'):g} / {med(rs, 'rtd1_p99_ms'):g} | "
          f"{med(rs, 'cpu_ms_per_call'):.3f} | {sum(int(r['challenges_401']) for r in rs) / calls:.2f} | "
          f"{sum(int(r['server_errors']) for r in rs)} |")
print()
for (s, rate, mode), rs in sorted(groups.items()):
    if mode == '1' and (s, rate, '0') in groups:
        on, off = med(rs, 'cpu_ms_per_call'), med(groups[(s, rate, '0')], 'cpu_ms_per_call')
        print(f"- {s} at {rate}/s: digest on costs {on / off:.2f}x the CPU per call of digest off ({on:.3f} vs {off:.3f} ms)")
EOF
cat "$OUT/summary.md"
