#!/usr/bin/env bash
# Restart avalanche (issue 13, target 3): N stored subscriptions, kill -9, restart, and all N
# watchers subscribe again within N/RATE seconds. Every one must be served (2xx + NOTIFY) or told
# to retry (503 with Retry-After); none may be lost (no answer), and all N stored subscriptions
# must be restored.
#
#   ./mvnw -B -q -DskipTests package && bench/restart-avalanche.sh [N] [RATE]
#
# Prints one line: restored, re-subscriptions served, refused (503), lost, seconds.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
N=${1:-10000}
RATE=${2:-1000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/avalanche.XXXXXX")
trap 'kill9_server; [[ -n "${KEEP:-}" ]] || rm -rf "$WORK"' EXIT
SCEN=$SCENARIOS_DIR/subscribe_idle.xml

# Filled below the highest clean SUBSCRIBE rate, so that (nearly) every one is stored rather than
# refused with 503 (which the scenario counts as done); what counts is the server's own count.
FILL_RATE=${FILL_RATE:-150}
log "filling: $N subscriptions at $FILL_RATE/s"
start_server "$WORK/data" "$WORK/server.log" || exit 1
sipp_run "$WORK/fill" 16400 "$SCEN" "$FILL_RATE" "$N"
read -r calls lostfill < <(sipp_counts "$WORK/fill")
filled=$(metric 'presence_subscriptions{event="presence",state="active"}')
log "filled: $filled subscriptions stored of $calls calls ($lostfill failed)"
kill9_server
log "killed; restarting"
start_server "$WORK/data" "$WORK/server.log" || exit 1
restored=$(grep -o "restored [0-9]* publications, [0-9]* registrations and [0-9]* subscriptions" "$WORK/server.log" | tail -1 \
  | awk '{print $7}')
start=$(date +%s.%N)
sipp_run "$WORK/again" 16500 "$SCEN" "$RATE" "$N"
end=$(date +%s.%N)
read -r answered lost < <(sipp_counts "$WORK/again")
refused=$(refused_503)
errors=$(grep -c ERROR "$WORK/server.log" || true)
stop_server
printf 'restored=%s of %s stored; re-subscribed=%s: served=%.0f refused_503=%.0f lost=%s; %.1f s; server ERROR lines=%s\n' \
  "${restored:-0}" "$filled" "$N" "$(echo "$answered - $refused" | bc)" \
  "$refused" "$lost" "$(echo "$end - $start" | bc)" "$errors"
