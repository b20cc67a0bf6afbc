#!/usr/bin/env bash
# Shared pieces of the benchmark scripts in bench/ (sourced, not run). Everything on 127.0.0.1;
# processes are stopped by PID.

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HARNESS=${HARNESS:-$(realpath "$BENCH_ROOT/../shared/bench" 2>/dev/null || true)}
JAR=${JAR:-$BENCH_ROOT/target/presence-agent.jar}
# The JVM options of the README's run command (docs/performance.md says why).
JVM_OPTS=${JVM_OPTS:-"-Xms1g -Xmx1g -XX:MaxGCPauseMillis=10 -XX:MaxTenuringThreshold=0"}
# The harness's publish scenario sends initial PUBLISHes (Expires 3600) from its 1000 users and never
# removes them, so a long run piles dozens of publications on each user: beyond max_publications
# (16) they are refused with 403, which measures the limit, not the server (Kamailio has none).
# Passed to every start of our server; word-split on purpose.
BENCH_PARAMS=${BENCH_PARAMS:-"--param max_publications=1000"}
SIP_PORT=${SIP_PORT:-5070}
HTTP_PORT=${HTTP_PORT:-18095}
# SIPp runs ahead of the server it measures (nice -5 relative to this script): on a machine where
# both share the CPUs, a starved SIPp starts fewer calls than asked and reads answers late, which
# would be charged to the server (docs/performance.md, "How the figures are taken"). Word-split on
# purpose, here and in the shared harness, which takes the same variable.
# -buff_size: SIPp's UDP socket buffers (SO_RCVBUF/SO_SNDBUF; its default is 64 KB). At 1000 dialogs/s
# SIPp receives 4,000 datagrams/s, and 64 KB held a few milliseconds of them: whenever SIPp was not
# scheduled for that long, the kernel dropped answers at SIPp's socket (/proc/net/udp6 drops column;
# the server's socket dropped none), and SIPp retransmitted, counted the late answer against the
# server, or failed the call on the second 200 (bench/results/2026-12-03/sipp-drops). 4 MB, capped by
# net.core.rmem_max.
export SIPP=${SIPP:-"nice -n -5 sipp -buff_size 4194304"}
SCENARIOS_DIR=$BENCH_ROOT/bench/scenarios
PID=""

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# start_server DATA_DIR LOG [--param ...]: starts the jar in the background, waits for OPTIONS 200
start_server() {
  local data=$1 logfile=$2; shift 2
  # shellcheck disable=SC2086
  java $JVM_OPTS -jar "$JAR" --sip-port "$SIP_PORT" --http-port "$HTTP_PORT" --data-dir "$data" $BENCH_PARAMS "$@" >>"$logfile" 2>&1 &
  PID=$!
  await_options "$PID" "$SIP_PORT" 60 "$logfile"
}

# await_options PID PORT SECONDS LOG: waits until the SIP server PID answers an OPTIONS on PORT with
# 200; fails when it exits first (see LOG) or does not answer within SECONDS
await_options() {
  local pid=$1 port=$2 seconds=$3 logfile=$4
  for _ in $(seq 1 $((seconds * 4))); do
    kill -0 "$pid" 2>/dev/null || { log "server exited during start-up, see $logfile"; return 1; }
    if (cd /tmp && timeout 3 $SIPP "127.0.0.1:$port" -sf "$HARNESS/scenarios/options.xml" -m 1 -nostdin \
        -timeout 2s -i 127.0.0.1 -p 15990 >/dev/null 2>&1); then
      return 0
    fi
    sleep 0.25
  done
  log "server did not answer OPTIONS within $seconds s"; return 1
}

stop_pid() { # PID: SIGTERM, SIGKILL after 30 s
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}

stop_server() {
  [[ -n "$PID" ]] || return 0
  stop_pid "$PID"
  PID=""
}

kill9_server() {
  [[ -n "$PID" ]] || return 0
  kill -KILL "$PID" 2>/dev/null
  wait "$PID" 2>/dev/null
  PID=""
}

# metric NAME: the value of one Prometheus series of our /metrics (0 when absent)
metric() {
  curl -s "http://127.0.0.1:$HTTP_PORT/metrics" | awk -v name="$1" '$1 == name {print $2; found=1} END {if (!found) print 0}'
}

# refused_503: requests refused by overload control so far, all reasons but the server stopping
refused_503() {
  curl -s "http://127.0.0.1:$HTTP_PORT/metrics" \
    | awk '$1 ~ /^presence_overload_refused_total\{/ && $1 !~ /stopping/ {sum += $2} END {print sum + 0}'
}

descendants() { # PID -> it and all its descendants
  local p=$1; echo "$p"
  for c in $(ps -o pid= --ppid "$p" 2>/dev/null); do descendants "$c"; done
}

tree_cpu() { # PID... -> utime+stime (with reaped children) of their process trees, seconds
  local pids=() p
  for p in "$@"; do [[ -n "$p" ]] && pids+=($(descendants "$p")); done
  for p in "${pids[@]}"; do [[ -r /proc/$p/stat ]] && sed 's/^.*) //' "/proc/$p/stat"; done \
    | awk -v hz="$(getconf CLK_TCK)" '{t += $12 + $13 + $14 + $15} END {printf "%.2f\n", t / hz}'
}

cpu_seconds() { # PID -> utime+stime in seconds
  awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"
}

# sipp_run DIR PORT SCENARIO RATE CALLS [extra sipp args]: one bounded SIPp run, stats in DIR/stat.csv
sipp_run() {
  local dir=$1 port=$2 scenario=$3 rate=$4 calls=$5; shift 5
  mkdir -p "$dir"
  (cd "$dir" && timeout $((calls / rate + 120)) $SIPP "127.0.0.1:$SIP_PORT" -i 127.0.0.1 -p "$port" -sf "$scenario" \
    -inf "$HARNESS/users.csv" -r "$rate" -m "$calls" -l 200000 -timeout "$((calls / rate + 60))s" -nostdin \
    -default_behaviors abortunexp,pingreply -trace_stat -stf stat.csv -fd 1 -max_socket 5000 "$@" >sipp.out 2>&1)
}

# sipp_counts DIR -> "successful failed" of the last statistics line
sipp_counts() {
  tail -1 "$1/stat.csv" | awk -F';' '{print $16, $18}'
}
