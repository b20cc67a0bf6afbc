#!/usr/bin/env bash
# The measurements of the performance issue (13), Presence Agent and Kamailio side by side on this
# machine's loopback, through the shared SIPp harness (../shared/bench, see its README). Each
# phase appends rows to $OUT/results.csv (harness columns) or a line to $OUT/<phase>.txt; the
# summary of medians is $OUT/summary.md. Every server is restarted for every run.
#
#   ./mvnw -B -q -DskipTests package
#   bench/run-side-by-side.sh                      # every phase (about two hours on 2 cores)
#   PHASES="main fanout" bench/run-side-by-side.sh # some of them
#
# Phases:
#   main      PUBLISH and SUBSCRIBE dialogs (MAIN_SCENARIOS) at RATES (500 1000), REPEATS=3, after
#             WARMUP_CALLS=5000 at WARMUP_RATE (default: half the rate)
#   max       MAX_SCENARIOS (publish subscribe) at MAX_RATES (2000 4000), once each: the highest rate without failures
#   fanout    1000 watchers of one presentity, 20 changes back to back, REPEATS=3 (on a fresh server: cold)
#   fanout-warm  the same after WARMUP_CALLS SUBSCRIBE dialogs and PUBLISHes on each fresh server
#   floor     the bare servlet on our container (BareFloorServer) at 500/s: the container's floor
#   variants  ours at 500/s: use_db=0, TCP, PostgreSQL (when DB_URL is set; DB_RESET, run before
#             each run, empties it, e.g. "su postgres -c 'dropdb --if-exists x; createdb -O presence x'"),
#             cold (no warm-up)
#   digest    bench/digest-on-off.sh: ours and Kamailio with digest authentication on and off, SUBSCRIBE
#             dialogs and PUBLISHes of one subscriber at 500/s, REPEATS=3 (results in $OUT/digest)
#   overload  bench/overload.sh: ours at 2x and 4x the scenario's base (OVERLOAD_PUBLISH_BASE 1000,
#             OVERLOAD_SUBSCRIBE_BASE 200: our highest 0 %-failure rates) for 30 s, then 30 s at half of it
#   avalanche bench/restart-avalanche.sh 10000 1000
#   memory    bench/idle-memory.sh 100000 1000
#   gc        ours, SUBSCRIBE dialogs at GC_RATE (500)/s, once per JVM option set of GC_CHOICES (a GC log each)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. "$ROOT/bench/lib.sh"
[[ -n "$HARNESS" && -x "$HARNESS/bench.sh" ]] || { echo "the shared harness (../shared/bench) is missing" >&2; exit 2; }
OUT=${OUT:-$ROOT/bench/results/$(date +%Y-%m-%d)}
PHASES=${PHASES:-"main max fanout floor variants digest overload avalanche memory"}
RATES=${RATES:-"500 1000"}
MAX_RATES=${MAX_RATES:-"2000 4000"}
MAX_SCENARIOS=${MAX_SCENARIOS:-"publish subscribe"}
REPEATS=${REPEATS:-3}
CALLS=${CALLS:-10000}
WARMUP_CALLS=${WARMUP_CALLS:-5000}
# The harness warms up at half the measured rate unless WARMUP_RATE says otherwise. 5000 calls leave
# the JIT compiling through the measured run (fifth campaign: C2 still busy 60 s after the start);
# steady state wants about 30000 (WARMUP_CALLS=30000 WARMUP_RATE=500).
export WARMUP_RATE=${WARMUP_RATE:-}
[[ -n "$WARMUP_RATE" ]] || unset WARMUP_RATE
MAIN_SCENARIOS=${MAIN_SCENARIOS:-"publish subscribe"}
OVERLOAD_PUBLISH_BASE=${OVERLOAD_PUBLISH_BASE:-1000}
OVERLOAD_SUBSCRIBE_BASE=${OVERLOAD_SUBSCRIBE_BASE:-200}
mkdir -p "$OUT"
export RESULTS="$OUT/results.csv" BENCH_OUT=${BENCH_OUT:-/tmp/presence-bench}
OURS="java $JVM_OPTS -jar $JAR --sip-port $SIP_PORT --http-port $HTTP_PORT --data-dir /tmp/presence-bench-data $BENCH_PARAMS"
OURS_SETUP="rm -rf /tmp/presence-bench-data"
TARGET=127.0.0.1:$SIP_PORT
echo "$(date -Iseconds) $0 PHASES=\"$PHASES\" RATES=\"$RATES\" MAX_RATES=\"$MAX_RATES\" REPEATS=$REPEATS CALLS=$CALLS WARMUP_CALLS=$WARMUP_CALLS WARMUP_RATE=${WARMUP_RATE:-half} MAIN_SCENARIOS=\"$MAIN_SCENARIOS\" MAX_SCENARIOS=\"$MAX_SCENARIOS\" OVERLOAD_SUBSCRIBE_BASE=$OVERLOAD_SUBSCRIBE_BASE JVM_OPTS=\"$JVM_OPTS\" $(git rev-parse --short HEAD)" >> "$OUT/commands.txt"

kamailio() { LABEL=kamailio-mem WARMUP_CALLS=$WARMUP_CALLS "$HARNESS/bench.sh"; }
ours() { # label, extra args...
  local label=$1; shift
  LABEL=$label TARGET=$TARGET SERVER_SETUP=$OURS_SETUP SERVER_CMD="$OURS $*" WARMUP_CALLS=$WARMUP_CALLS "$HARNESS/bench.sh"
}

for phase in $PHASES; do
  log "phase $phase"
  case $phase in
    main)
      SCENARIOS=$MAIN_SCENARIOS RATES=$RATES REPEATS=$REPEATS CALLS=$CALLS kamailio
      SCENARIOS=$MAIN_SCENARIOS RATES=$RATES REPEATS=$REPEATS CALLS=$CALLS ours presence-agent ;;
    max)
      SCENARIOS=$MAX_SCENARIOS RATES=$MAX_RATES REPEATS=1 CALLS=$((CALLS * 2)) kamailio
      SCENARIOS=$MAX_SCENARIOS RATES=$MAX_RATES REPEATS=1 CALLS=$((CALLS * 2)) ours presence-agent ;;
    fanout)
      # The harness's publisher sends its 20 modifying PUBLISHes from one <send> in a loop, so all
      # carry the same Via branch: RFC 3261 section 17.2.3 makes every one after the first a
      # retransmission of the first (same branch, sent-by and method), which a stateful server
      # answers with the first one's 200 and SIPp ignores (wrong CSeq). A copy of the harness whose
      # publisher adds the change number to the branch is used, for both servers.
      fixed=$BENCH_OUT/harness-fanout
      rm -rf "$fixed" && mkdir -p "$fixed" && cp -r "$HARNESS"/*.sh "$HARNESS"/*.py "$HARNESS"/*.cfg "$HARNESS"/*.csv "$HARNESS"/scenarios "$fixed"/
      sed -i 's/branch=\[branch\]/branch=[branch]-n[$n]/' "$fixed/scenarios/fanout_publisher.xml.tmpl"
      if [[ -n "${FANOUT_WARMUP:-}" ]]; then
        # fanout-warm: the harness's fan-out starts on a server that has just started, so a JVM
        # server meets the 500 SUBSCRIBE/s while it still compiles (cold start). With
        # FANOUT_WARMUP=N each server first serves N SUBSCRIBE dialogs and N PUBLISHes of the
        # harness's own scenarios (other presentities) at half the fan-out rate, as the rate phases do.
        sed -i '/^\tstart_server || { stop_server; return; }$/a\
\tfor ws in subscribe publish; do mkdir -p "$d/warmup-$ws"; run_sipp "$d/warmup-$ws" 16300 -sf "$SCEN/$ws.xml" -inf "$USERS_CSV" -r 250 -m '"$FANOUT_WARMUP"' -l 15000 -timeout '"$(( FANOUT_WARMUP / 250 + 40 ))"'s -max_socket 5000; done; sleep 2' "$fixed/bench.sh"
        grep -q 'warmup-\$ws' "$fixed/bench.sh" || { log "fanout-warm: could not patch the harness"; exit 1; }
      fi
      SCENARIOS=fanout REPEATS=$REPEATS FANOUT_N=1000 FANOUT_K=20 LABEL=kamailio-mem WARMUP_CALLS=$WARMUP_CALLS "$fixed/bench.sh"
      SCENARIOS=fanout REPEATS=$REPEATS FANOUT_N=1000 FANOUT_K=20 LABEL=presence-agent TARGET=$TARGET SERVER_SETUP=$OURS_SETUP \
        SERVER_CMD="$OURS" WARMUP_CALLS=$WARMUP_CALLS "$fixed/bench.sh" ;;
    fanout-warm)
      FANOUT_WARMUP=${FANOUT_WARMUP:-$WARMUP_CALLS} PHASES=fanout OUT=$OUT "$0" ;;
    floor)
      LABEL=bare-servlet TARGET=$TARGET SERVER_SETUP=true WARMUP_CALLS=$WARMUP_CALLS SCENARIOS="publish subscribe" RATES=500 \
        REPEATS=$REPEATS CALLS=$CALLS \
        SERVER_CMD="java $JVM_OPTS -cp $JAR:$ROOT/target/test-classes org.presenceagent.standalone.BareFloorServer $SIP_PORT" \
        "$HARNESS/bench.sh" ;;
    variants)
      SCENARIOS="publish subscribe" RATES=500 REPEATS=1 CALLS=$CALLS ours presence-agent-use_db=0 --param use_db=0
      SCENARIOS="publish subscribe" RATES=500 REPEATS=1 CALLS=$CALLS TRANSPORT=t1 ours presence-agent-tcp
      SCENARIOS="publish subscribe" RATES=500 REPEATS=1 CALLS=$CALLS TRANSPORT=t1 kamailio
      SCENARIOS="publish subscribe" RATES=500 REPEATS=1 CALLS=$CALLS WARMUP_CALLS=0 ours presence-agent-cold
      if [[ -n "${DB_URL:-}" ]]; then
        SCENARIOS="publish subscribe" RATES=500 REPEATS=1 CALLS=$CALLS OURS_SETUP="$OURS_SETUP; ${DB_RESET:-true}" \
          ours presence-agent-postgresql --db-url "$DB_URL" --param db_user="${DB_USER:-presence}" --param db_password="${DB_PASSWORD:-presence}"
      fi ;;
    digest)
      OUT=$OUT/digest REPEATS=$REPEATS CALLS=$CALLS WARMUP_CALLS=$WARMUP_CALLS WARMUP_RATE=${WARMUP_RATE:-250} \
        "$ROOT/bench/digest-on-off.sh" ;;
    overload)
      for scenario in publish subscribe; do
        base=$OVERLOAD_PUBLISH_BASE; [[ $scenario == subscribe ]] && base=$OVERLOAD_SUBSCRIBE_BASE
        for factor in 2 4; do
          WARMUP_CALLS=$WARMUP_CALLS "$ROOT/bench/overload.sh" "$scenario" "$base" "$factor" | tee -a "$OUT/overload.txt"
        done
      done ;;
    avalanche)
      "$ROOT/bench/restart-avalanche.sh" 10000 1000 | tee -a "$OUT/avalanche.txt" ;;
    memory)
      "$ROOT/bench/idle-memory.sh" 100000 1000 | tee -a "$OUT/memory.txt" ;;
    gc)
      IFS='|' read -r -a choices <<< "${GC_CHOICES:-"-Xms1g -Xmx1g|-Xms1g -Xmx1g -XX:MaxGCPauseMillis=20|-Xms1g -Xmx1g -XX:+UseShenandoahGC|-Xms1g -Xmx1g -XX:+UseZGC"}"
      for opts in "${choices[@]}"; do
        tag=$(echo "$opts" | tr -cs 'A-Za-z0-9' '_')
        LABEL="presence-agent-gc$tag" TARGET=$TARGET SERVER_SETUP=$OURS_SETUP WARMUP_CALLS=$WARMUP_CALLS \
          SCENARIOS=subscribe RATES=${GC_RATE:-500} REPEATS=1 CALLS=$CALLS \
          SERVER_CMD="java $opts -Xlog:gc:file=$OUT/gc$tag.log -jar $JAR --sip-port $SIP_PORT --http-port $HTTP_PORT --data-dir /tmp/presence-bench-data" \
          "$HARNESS/bench.sh"
      done ;;
    *) log "unknown phase $phase" ;;
  esac
done
python3 "$HARNESS/stats.py" summary "$RESULTS" | tee "$OUT/summary.md"
