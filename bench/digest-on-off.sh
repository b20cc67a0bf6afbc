#!/usr/bin/env bash
# Digest authentication on vs off (issue 13, target 6): the same SIPp scenario against a server
# with digest authentication on and off, alternating, each run on a fresh server after its own
# warm-up, so that the setting is the only difference. SERVERS: ours (digest_auth=1/0) and Kamailio
# (the shared harness's kamailio.cfg in memory, plus, when on, the auth module's challenge for
# requests outside a dialog, as ours does). Per run: successful calls/s, failed, retransmissions,
# response-time percentiles, the server's CPU per call, and the 401s SIPp received per call.
#
#   ./mvnw -B -q -DskipTests package && bench/digest-on-off.sh
#   OUT=bench/results/2026-12-03/digest SERVERS=ours SCENARIOS=subscribe_digest RATES="500 1000" bench/digest-on-off.sh
#
# Scenarios (bench/scenarios): subscribe_digest (the harness's SUBSCRIBE dialog, one challenge per
# dialog) and publish_digest (publish, then remove it: both requests challenged). SIPp 3.6 can
# authenticate as one user per run only (-au/-ap/-auth_uri), so every call is the one subscriber
# DIGEST_USER; the scenario headers say what that changes. Results: $OUT/digest.csv, $OUT/summary.md.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
OUT=${OUT:-$BENCH_ROOT/bench/results/$(date +%Y-%m-%d)/digest-on-off}
SERVERS=${SERVERS:-"ours kamailio"}
SCENARIOS=${SCENARIOS:-"subscribe_digest publish_digest"}
RATES=${RATES:-500}
REPEATS=${REPEATS:-3}
CALLS=${CALLS:-10000}
WARMUP_CALLS=${WARMUP_CALLS:-30000}
WARMUP_RATE=${WARMUP_RATE:-500}
DIGEST_USER=${DIGEST_USER:-bench}
DIGEST_DOMAIN=127.0.0.1
DIGEST_PASSWORD=${DIGEST_PASSWORD:-bench-$RANDOM-$RANDOM}
KAMAILIO_PORT=5060
WORK=$(mktemp -d "${TMPDIR:-/tmp}/digest-on-off.XXXXXX")
trap 'stop_target; [[ -n "${KEEP:-}" ]] || rm -rf "$WORK"' EXIT
mkdir -p "$OUT"
CSV=$OUT/digest.csv
[[ -f "$CSV" ]] || echo "server,scenario,rate,digest,rep,offered_cps,success,failed,fail_pct,elapsed_s,success_cps,retrans,rtd1_n,rtd1_p50_ms,rtd1_p90_ms,rtd1_p99_ms,rtd1_max_ms,rtd2_p50_ms,rtd2_p99_ms,cpu_s,cpu_ms_per_call,challenges_401,server_errors,warmup_failed" >"$CSV"
echo "$(date -Iseconds) $0 SERVERS=\"$SERVERS\" SCENARIOS=\"$SCENARIOS\" RATES=\"$RATES\" REPEATS=$REPEATS CALLS=$CALLS WARMUP_CALLS=$WARMUP_CALLS WARMUP_RATE=$WARMUP_RATE JVM_OPTS=\"$JVM_OPTS\" BENCH_PARAMS=\"$BENCH_PARAMS\" JAR=$JAR $(git -C "$BENCH_ROOT" rev-parse --short HEAD)" >>"$OUT/commands.txt"

# The harness's Kamailio configuration with the auth module: when WITH_DIGEST is defined, a PUBLISH
# or SUBSCRIBE outside a dialog must carry credentials of the From user with the run's password
# (pv_www_authenticate: no user database, the cheapest check Kamailio has), else it is challenged
# (qop=auth, the realm is the To domain as ours).
kamailio_cfg() { # FILE
  sed -e 's|^loadmodule "pv.so"$|loadmodule "pv.so"\nloadmodule "auth.so"|' \
    -e 's|^route\[PRESENCE\] {$|route[PRESENCE] {\n#!ifdef WITH_DIGEST\n\tif (!has_totag()) {\n\t\tif (!pv_www_authenticate("$td", "DIGEST_PASSWORD_HERE", "0")) {\n\t\t\twww_challenge("$td", "1");\n\t\t\texit;\n\t\t}\n\t\tif ($au != $fU) {\n\t\t\tsl_send_reply("403", "Forbidden");\n\t\t\texit;\n\t\t}\n\t\tconsume_credentials();\n\t}\n#!endif|' \
    -e "s|DIGEST_PASSWORD_HERE|$DIGEST_PASSWORD|" "$HARNESS/kamailio.cfg" >"$1"
  grep -q 'pv_www_authenticate' "$1" && grep -q '^loadmodule "auth.so"' "$1"
}

TARGET_PID="" TARGET_PORT=""
start_target() { # server digest dir
  local server=$1 mode=$2 dir=$3
  if [[ "$server" == ours ]]; then
    start_server "$dir/data" "$dir/server.log" --param digest_auth="$mode" \
      --param subscribers="$DIGEST_USER@$DIGEST_DOMAIN:$DIGEST_PASSWORD"
    local started=$?
    TARGET_PID=$PID TARGET_PORT=$SIP_PORT
    return $started
  fi
  kamailio_cfg "$dir/kamailio.cfg" || { log "could not add digest to the harness's kamailio.cfg"; return 1; }
  "$HARNESS/db_setup.sh" "$dir/presence.sqlite" >/dev/null || return 1
  local defines=(-A WITH_MEMONLY -A "DBURL=\"sqlite://$dir/presence.sqlite\"")
  [[ "$mode" == 1 ]] && defines+=(-A WITH_DIGEST)
  kamailio -DD -E -f "$dir/kamailio.cfg" -m 1024 -M 16 "${defines[@]}" >"$dir/server.log" 2>&1 &
  TARGET_PID=$! TARGET_PORT=$KAMAILIO_PORT
  await_options "$TARGET_PID" "$TARGET_PORT" 30 "$dir/server.log"
}

stop_target() { # ours is PID (lib.sh), whose TARGET_PID is the same process
  [[ -n "$TARGET_PID" ]] && stop_pid "$TARGET_PID"
  TARGET_PID="" PID=""
}

# 401s SIPp received in a run: the "401 <---" lines of its last screen
challenges() { # DIR
  python3 - "$1/sipp.out" <<'PY'
import re, sys
screen = open(sys.argv[1], errors='replace').read().split('Scenario Screen')[-1]
print(sum(int(m.group(1)) for m in re.finditer(r'^\s*401 <-+\s+(\d+)', screen, re.M)))
PY
}

one_run() { # server scenario rate digest rep
  local server=$1 scen=$2 rate=$3 mode=$4 rep=$5 dir="$WORK/$1-$2-$3-$4-$5"
  local auth=(-key pres_user "$DIGEST_USER" -key pres_domain "$DIGEST_DOMAIN"
    -au "$DIGEST_USER" -ap "$DIGEST_PASSWORD" -auth_uri "$DIGEST_USER@$DIGEST_DOMAIN")
  mkdir -p "$dir"
  start_target "$server" "$mode" "$dir" || { stop_target; return 1; }
  # The warm-up climbs from 50/s to WARMUP_RATE (+25/s each second): every call is the one
  # presentity, whose PUBLISHes run one after another, and a cold server refuses part of 1000/s
  # of them with 503; a refused removal leaves its publication for its hour, and some 650 such
  # leftovers exceed max_composed_size, after which every new publication gets 413.
  log "$server $scen $rate/s digest=$mode rep $rep: warm-up $WARMUP_CALLS rising to $WARMUP_RATE/s"
  SIP_PORT=$TARGET_PORT sipp_run "$dir/warmup" 16850 "$SCENARIOS_DIR/$scen.xml" 50 "$WARMUP_CALLS" "${auth[@]}" \
    -rate_increase 25 -rate_interval 1 -rate_max "$WARMUP_RATE" -no_rate_quit
  local warm_ok warm_failed
  read -r warm_ok warm_failed < <(sipp_counts "$dir/warmup")
  log "  warm-up: $warm_ok ok, $warm_failed failed"
  sleep 2
  local cpu0 cpu1
  cpu0=$(tree_cpu "$TARGET_PID")
  SIP_PORT=$TARGET_PORT sipp_run "$dir/run" 16860 "$SCENARIOS_DIR/$scen.xml" "$rate" "$CALLS" "${auth[@]}" -trace_rtt -rtt_freq 1000 -trace_err
  cpu1=$(tree_cpu "$TARGET_PID")
  stop_target
  local errors fields
  errors=$(grep -c ERROR "$dir/server.log" || true)
  fields=$(python3 "$HARNESS/stats.py" sipp "$dir/run")
  echo "$server,$scen,$rate,$mode,$rep,$fields,$(echo "$cpu1 - $cpu0" | bc),$(echo "scale=3; ($cpu1 - $cpu0) * 1000 / $CALLS" | bc),$(challenges "$dir/run"),$errors,$warm_failed" >>"$CSV"
  log "  -> $(tail -1 "$CSV")"
}

for rep in $(seq 1 "$REPEATS"); do
  for scen in $SCENARIOS; do
    for rate in $RATES; do
      for server in $SERVERS; do
        # alternate which setting goes first, so that a drift of the machine favours neither
        if (( rep % 2 )); then modes="0 1"; else modes="1 0"; fi
        for mode in $modes; do one_run "$server" "$scen" "$rate" "$mode" "$rep"; done
      done
    done
  done
done

# medians per server, scenario, rate and setting
python3 - "$CSV" >"$OUT/summary.md" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
groups = {}
for r in rows:
    groups.setdefault((r['server'], r['scenario'], r['rate'], r['digest']), []).append(r)
def med(rs, k):
    v = [float(r[k]) for r in rs if r[k] not in ('', None)]
    return statistics.median(v) if v else float('nan')
print('| server | scenario | rate | digest | runs | success/s | failed (sum) | retrans (sum) | p50 / p99 ms (rtd1) | CPU ms per call | 401s per call | server ERROR lines |')
print('|---|---|---|---|---|---|---|---|---|---|---|---|')
for (srv, s, rate, mode), rs in sorted(groups.items()):
    calls = sum(int(r['success']) + int(r['failed']) for r in rs) or 1
    print(f"| {srv} | {s} | {rate} | {'on' if mode == '1' else 'off'} | {len(rs)} | {med(rs, 'success_cps'):.1f} | "
          f"{sum(int(r['failed']) for r in rs)} | {sum(int(r['retrans'] or 0) for r in rs)} | "
          f"{med(rs, 'rtd1_p50_ms'):g} / {med(rs, 'rtd1_p99_ms'):g} | {med(rs, 'cpu_ms_per_call'):.3f} | "
          f"{sum(int(r['challenges_401']) for r in rs) / calls:.2f} | {sum(int(r['server_errors']) for r in rs)} |")
print()
for (srv, s, rate, mode), rs in sorted(groups.items()):
    if mode == '1' and (srv, s, rate, '0') in groups:
        on, off = med(rs, 'cpu_ms_per_call'), med(groups[(srv, s, rate, '0')], 'cpu_ms_per_call')
        print(f"- {srv}, {s} at {rate}/s: digest on costs {on / off:.2f}x the CPU per call of digest off ({on:.3f} vs {off:.3f} ms)")
servers = sorted({k[0] for k in groups})
if 'ours' in servers and 'kamailio' in servers:
    for (srv, s, rate, mode), rs in sorted(groups.items()):
        if srv == 'ours' and ('kamailio', s, rate, mode) in groups:
            o, k = med(rs, 'cpu_ms_per_call'), med(groups[('kamailio', s, rate, mode)], 'cpu_ms_per_call')
            print(f"- {s} at {rate}/s, digest {'on' if mode == '1' else 'off'}: ours {o / k:.2f}x Kamailio's CPU per call ({o:.3f} vs {k:.3f} ms)")
PY
cat "$OUT/summary.md"
