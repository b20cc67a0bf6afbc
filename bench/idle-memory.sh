#!/usr/bin/env bash
# Memory of idle subscriptions (issue 13, target 5): N long subscriptions (one NOTIFY each, then
# quiet), then the heap after a full GC and the process RSS, against the same figures with none.
#
#   ./mvnw -B -q -DskipTests package && bench/idle-memory.sh [N] [RATE]
set -uo pipefail
. "$(dirname "$0")/lib.sh"
N=${1:-100000}
RATE=${2:-1000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/idle-memory.XXXXXX")
trap 'kill9_server; [[ -n "${KEEP:-}" ]] || rm -rf "$WORK"' EXIT
EXTRA=${EXTRA:-}

heap_used_kb() { # after a full GC
  jcmd "$PID" GC.run >/dev/null
  sleep 1
  jcmd "$PID" GC.heap_info | awk '/used/ && /total/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?$/,"",v); print v; exit}}'
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$PID/status"; }

# shellcheck disable=SC2086
start_server "$WORK/data" "$WORK/server.log" $EXTRA || exit 1
sipp_run "$WORK/publish" 16600 "$HARNESS/scenarios/publish.xml" 1000 1000   # every presentity has state
sleep 2
base_heap=$(heap_used_kb); base_rss=$(rss_kb)
log "baseline: heap ${base_heap} KB, RSS ${base_rss} KB; subscribing $N at $RATE/s"
sipp_run "$WORK/subscribe" 16700 "$SCENARIOS_DIR/subscribe_idle.xml" "$RATE" "$N"
read -r ok failed < <(sipp_counts "$WORK/subscribe")
sleep 40   # past the UDP transactions' Timer J (32 s): what is left is the subscriptions
heap=$(heap_used_kb); rss=$(rss_kb)
stored=$(metric 'presence_subscriptions{event="presence",state="active"}')
stop_server
printf 'subscriptions=%.0f (sipp ok=%s failed=%s); heap after GC %d MB (baseline %d MB): %.0f bytes per subscription; RSS %d MB\n' \
  "$stored" "$ok" "$failed" $((heap / 1024)) $((base_heap / 1024)) \
  "$(echo "($heap - $base_heap) * 1024 / $stored" | bc)" $((rss / 1024))
