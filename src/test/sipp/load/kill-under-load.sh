#!/usr/bin/env bash
# kill-under-load.sh - crash safety under load (failover issue): nothing acknowledged is lost.
#
# Usage: src/test/sipp/load/kill-under-load.sh JAR SIP_PORT HTTP_PORT [RATE] [SECONDS]
#
# Starts the standalone server on an empty data directory, drives it with two SIPp instances
# at RATE calls/s each (default 50) - one initial PUBLISH per call (load_publish.xml) and one
# SUBSCRIBE dialog per call (load_subscribe.xml), everything live for an hour - kills it with
# SIGKILL after SECONDS (default 6) while the load runs, lets SIPp finish (calls after the kill
# fail), restarts the server on the same ports and data directory and reads what it restored.
# Passes when the server restored at least as many publications and subscriptions as SIPp
# counted successful calls (every 2xx was committed before it was sent), and no more than SIPp
# started (nothing invented). Prints the counts; exit status 0 on success.
set -uo pipefail

[[ $# -ge 3 ]] || { echo "usage: $0 JAR SIP_PORT HTTP_PORT [RATE] [SECONDS]" >&2; exit 2; }
JAR=$1
SIP_PORT=$2
HTTP_PORT=$3
RATE=${4:-50}
KILL_AFTER_S=${5:-6}
HERE=$(cd "$(dirname "$0")" && pwd)
SIPP=${SIPP:-sipp}
SIPP_PORT_OFFSET=${SIPP_PORT_OFFSET:-1000} # the two SIPp instances use SIP_PORT + this and + this + 1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kill-under-load.XXXXXX")
DATA_DIR="$WORK/data"
PID=""
# Enough calls to keep SIPp sending well past the kill.
CALLS=$((RATE * (KILL_AFTER_S + 4)))

log() { echo "[kill-under-load $(date +%H:%M:%S)] $*" >&2; }
cleanup() { [[ -z "$PID" ]] || kill -KILL "$PID" 2>/dev/null; }
trap cleanup EXIT

start_server() {
  java -jar "$JAR" --bind 127.0.0.1 --sip-port "$SIP_PORT" --http-port "$HTTP_PORT" --data-dir "$DATA_DIR" \
    >>"$WORK/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do
    grep -q "is ready" "$WORK/server.log" 2>/dev/null && [[ $(grep -c "is ready" "$WORK/server.log") -ge $1 ]] && return 0
    kill -0 "$PID" 2>/dev/null || { log "server exited during start-up"; tail -50 "$WORK/server.log" >&2; return 1; }
    sleep 0.5
  done
  log "server did not start"; return 1
}

# run_load <scenario> <local-port>: runs in the background, statistics in $WORK/<scenario>.csv
run_load() {
  (cd "$WORK" && timeout -k 5 $((KILL_AFTER_S + 60)) "$SIPP" "127.0.0.1:$SIP_PORT" -sf "$HERE/$1.xml" \
    -key pres_domain 127.0.0.1 -i 127.0.0.1 -p "$2" -t u1 -r "$RATE" -m "$CALLS" -l $((RATE * 10)) \
    -nostdin -aa -default_behaviors abortunexp -timeout $((KILL_AFTER_S + 30))s -recv_timeout 3000 -max_non_invite_retrans 2 \
    -trace_stat -stf "$WORK/$1.csv" -fd 1 >"$WORK/$1.out" 2>&1)
}

# successful <scenario>: SIPp's cumulative successful-call count from the last statistics line
column() { # scenario column-name
  awk -F';' -v col="$2" 'NR==1{for(i=1;i<=NF;i++) if($i==col) c=i; next} {v=$c} END{print v+0}' "$WORK/$1.csv"
}

command -v "$SIPP" >/dev/null || { log "sipp not found"; exit 2; }
start_server 1 || exit 1
log "load: $RATE PUBLISH/s and $RATE SUBSCRIBE/s, SIGKILL after ${KILL_AFTER_S}s"
run_load load_publish $((SIP_PORT + SIPP_PORT_OFFSET)) &
PUB=$!
run_load load_subscribe $((SIP_PORT + SIPP_PORT_OFFSET + 1)) &
SUB=$!
sleep "$KILL_AFTER_S"
kill -KILL "$PID"
wait "$PID" 2>/dev/null
log "server killed (pid $PID)"
PID=""
wait "$PUB" "$SUB"

published=$(column load_publish "SuccessfulCall(C)")
publish_started=$(column load_publish "TotalCallCreated")
subscribed=$(column load_subscribe "SuccessfulCall(C)")
subscribe_started=$(column load_subscribe "TotalCallCreated")

start_server 2 || exit 1
restored=$(grep -o 'restored [0-9]* publications, [0-9]* registrations and [0-9]* subscriptions' "$WORK/server.log" | tail -1)
kill -TERM "$PID"; wait "$PID" 2>/dev/null; PID=""
restored_publications=$(echo "$restored" | awk '{print $2}')
restored_subscriptions=$(echo "$restored" | awk '{print $7}')

log "PUBLISH:   $published acknowledged of $publish_started sent, $restored_publications restored"
log "SUBSCRIBE: $subscribed acknowledged of $subscribe_started sent, $restored_subscriptions restored"
rc=0
if (( published == 0 || subscribed == 0 )); then
  log "FAIL: no load reached the server before the kill"; rc=1
fi
if (( restored_publications < published || restored_subscriptions < subscribed )); then
  log "FAIL: acknowledged state was lost"; rc=1
fi
if (( restored_publications > publish_started || restored_subscriptions > subscribe_started )); then
  log "FAIL: more state restored than requests sent"; rc=1
fi
if (( rc == 0 )); then
  log "PASS: nothing acknowledged was lost"
  [[ -n "${KEEP:-}" ]] || rm -rf "$WORK"
else
  log "traces and logs kept in $WORK"
fi
exit $rc
