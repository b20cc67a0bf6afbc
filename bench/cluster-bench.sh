#!/usr/bin/env bash
# The scale-out benchmark (issue 17): throughput and NOTIFY latency of 1, 2 and 3 nodes
# (cluster=1, the jar, one process each) on one throw-away PostgreSQL behind Kamailio's dispatcher
# (kamailio/dispatcher.cfg), all on this machine's loopback. On a 2-core machine more nodes cannot
# add throughput; what the rows show is the cost of coordination (leases, fenced writes, the
# change log, the balancer's hop) and the NOTIFY latency of a change that another node made.
#
#   ./mvnw -B -q -DskipTests package
#   bench/cluster-bench.sh                              # NODES="1 2 3", about 10 minutes
#   NODES="1 2" CALLS=600 WARMUP_CALLS=300 LAT_PUBLISHES=40 bench/cluster-bench.sh   # a quick check
#
# One run starts one PostgreSQL (initdb in a temporary directory, its own free port, removed at exit)
# and then, for each N of NODES, on a new empty database:
#   1. N nodes (JAR, the README's JVM options JVM_OPTS, each its own free SIP and HTTP port,
#      cluster=1, node_id=node<i>, BENCH_PARAMS and NODE_PARAMS), the first one alone (it creates the
#      schema), then the others; each is up when its /metrics says presence_cluster_lease_held 1;
#   2. Kamailio with kamailio/dispatcher.cfg on a free port, its dispatcher.list naming the N nodes,
#      up when an OPTIONS through it gets 200;
#   3. through the balancer, with the shared SIPp harness's scenarios (../shared/bench) so that the
#      rows compare with docs/performance.md: the harness's preload (publish.xml, 1000 presentities),
#      WARMUP_CALLS SUBSCRIBE dialogs at RATE/2 (not recorded), then CALLS SUBSCRIBE dialogs at RATE
#      (bench/scenarios/subscribe_via_balancer.xml: the harness's dialog with its un-SUBSCRIBE sent
#      to the node's Contact, see the file), then WARMUP_CALLS PUBLISHes at RATE/2 and CALLS
#      PUBLISHes at RATE (the harness's publish.xml);
#      for each measured run: the SIPp figures (harness columns, ../shared/bench/stats.py), the
#      503s the nodes answered (presence_overload_refused_total, all reasons but stopping), how the
#      balancer spread the requests (each node's presence_sip_requests_total), and the CPU seconds
#      of the nodes plus Kamailio (utime+stime of their process trees, /proc) and of PostgreSQL;
#   4. bench/tools/notify_latency.py: LAT_PRESENTITIES presentities, LAT_WATCHERS dialogs per node and
#      presentity subscribed straight to each node, LAT_PUBLISHES modifying PUBLISHes through the
#      balancer, one every LAT_INTERVAL_MS: PUBLISH -> NOTIFY latency for watchers on the publishing
#      node (same node) and on the others (cross node, through the change log).
# Everything goes to OUT (default bench/results/<date>/cluster-<short sha>/): command.txt (the exact
# command and what it ran on), results.csv (harness columns, one row per measured run), summary.md,
# and per N n<N>/: the SIPp directories, metrics before and after each run, latency.txt/.json, the
# node and Kamailio logs (gzip). Every process is stopped by PID at exit, also on Ctrl-C.
#
# Settings (environment): NODES ("1 2 3"), RATE (300), CALLS (6000), WARMUP_CALLS (2000),
# LAT_PUBLISHES (200), LAT_INTERVAL_MS (50), LAT_PRESENTITIES (6), LAT_WATCHERS (2), LAT_ARGS (more
# options of notify_latency.py, e.g. "--publish-node 0": every PUBLISH straight to node1), CLUSTER_LEASE
# (empty: the server's default), NODE_PARAMS (more "--param x=y"), PG_FSYNC (on: every commit on disk,
# as a deployment; off for a throw-away run), JAR, JVM_OPTS, BENCH_PARAMS (bench/lib.sh), OUT, KEEP=1
# (keep the temporary directory), KAM_CFG (kamailio/dispatcher.cfg: the balancer's configuration; it
# must take DS_LIST, LB_ADDR, LB_PORT and RUN_DIR as that one does).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. "$ROOT/bench/lib.sh"
[[ -n "$HARNESS" && -f "$HARNESS/scenarios/publish.xml" ]] || { echo "the shared harness (../shared/bench) is missing" >&2; exit 2; }
[[ -f "$JAR" ]] || { echo "no $JAR: ./mvnw -B -q -DskipTests package first" >&2; exit 2; }
for tool in kamailio sipp curl python3 bc; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 2; }
done
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[[ -x "$PG_BIN/initdb" ]] || { echo "PostgreSQL's binaries are missing (apt-get install postgresql)" >&2; exit 2; }

NODES=${NODES:-"1 2 3"}
RATE=${RATE:-300}
CALLS=${CALLS:-6000}
WARMUP_CALLS=${WARMUP_CALLS:-2000}
LAT_PUBLISHES=${LAT_PUBLISHES:-200}
LAT_INTERVAL_MS=${LAT_INTERVAL_MS:-50}
LAT_PRESENTITIES=${LAT_PRESENTITIES:-6}
LAT_WATCHERS=${LAT_WATCHERS:-2}
LAT_ARGS=${LAT_ARGS:-}
CLUSTER_LEASE=${CLUSTER_LEASE:-}
NODE_PARAMS=${NODE_PARAMS:-}
PG_FSYNC=${PG_FSYNC:-on}
KAM_CFG=${KAM_CFG:-$ROOT/kamailio/dispatcher.cfg}
SHA=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
OUT=${OUT:-$ROOT/bench/results/$(date +%Y-%m-%d)/cluster-$SHA}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cluster-bench.XXXXXX")
chmod 755 "$WORK"
RESULTS=$OUT/results.csv
SUMMARY=$OUT/summary.md
SUB_SCENARIO=$ROOT/bench/scenarios/subscribe_via_balancer.xml
PUB_SCENARIO=$HARNESS/scenarios/publish.xml
USERS=$HARNESS/users.csv

NODE_PIDS=() SIP_PORTS=() HTTP_PORTS=() KAM_PID="" PG_PORT="" PG_PASSWORD="" USED_PORTS=""

# ---------------------------------------------------------------- processes and ports

cleanup() {
  stop_cluster
  stop_postgres
  if [[ -n "${KEEP:-}" ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

# free_port: a port free for both UDP and TCP on 127.0.0.1, not handed out before in this run
free_port() {
  local port
  port=$(python3 - "$USED_PORTS" <<'EOF'
import socket, sys
used = set(sys.argv[1].split())
for _ in range(200):
    t = socket.socket(); t.bind(("127.0.0.1", 0)); port = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        u.close(); t.close()
    if str(port) not in used:
        print(port); break
EOF
)
  [[ -n "$port" ]] || { log "no free port"; exit 1; }
  USED_PORTS="$USED_PORTS $port"
  echo "$port"
}

as_postgres() { # PostgreSQL refuses to run as root
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local dir=$WORK/pg
  mkdir -p "$dir"
  PG_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  echo "$PG_PASSWORD" > "$dir/pwfile"
  [[ $(id -u) == 0 ]] && chown -R postgres:postgres "$dir"
  PG_PORT=$(free_port)
  as_postgres "$PG_BIN/initdb" -D "$dir/data" -U presence --pwfile="$dir/pwfile" --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --no-locale --no-sync >"$WORK/initdb.log" 2>&1 \
    || { log "initdb failed:"; cat "$WORK/initdb.log" >&2; exit 1; }
  as_postgres "$PG_BIN/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/server.log" \
    -o "-p $PG_PORT -h 127.0.0.1 -k $dir -c fsync=$PG_FSYNC -c max_connections=200" >/dev/null \
    || { log "PostgreSQL did not start:"; cat "$dir/server.log" >&2; exit 1; }
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (fsync=$PG_FSYNC)"
}

stop_postgres() {
  [[ -n "$PG_PORT" && -f "$WORK/pg/data/postmaster.pid" ]] || return 0
  as_postgres "$PG_BIN/pg_ctl" stop -w -m fast -D "$WORK/pg/data" >/dev/null 2>&1
  PG_PORT=""
}

pg_pid() { head -1 "$WORK/pg/data/postmaster.pid" 2>/dev/null; }

psql_admin() {
  as_postgres "$PG_BIN/psql" -q -h "$WORK/pg" -p "$PG_PORT" -U presence -d postgres -v ON_ERROR_STOP=1 -c "$1"
}

# start_node DIR I DB: node<I> in the background; appends to NODE_PIDS, SIP_PORTS, HTTP_PORTS
start_node() {
  local dir=$1 i=$2 db=$3 sip http
  sip=$(free_port); http=$(free_port)
  local lease=(); [[ -n "$CLUSTER_LEASE" ]] && lease=(--param "cluster_lease=$CLUSTER_LEASE")
  # shellcheck disable=SC2086  # JVM_OPTS, BENCH_PARAMS and NODE_PARAMS are word-split on purpose
  java $JVM_OPTS -jar "$JAR" --bind 127.0.0.1 --sip-port "$sip" --http-port "$http" --data-dir "$WORK/data-node$i" \
    --db-url "jdbc:postgresql://127.0.0.1:$PG_PORT/$db" --param db_user=presence --param "db_password=$PG_PASSWORD" \
    --param cluster=1 --param "node_id=node$i" "${lease[@]}" $BENCH_PARAMS $NODE_PARAMS >"$dir/node$i.log" 2>&1 &
  NODE_PIDS+=($!) SIP_PORTS+=("$sip") HTTP_PORTS+=("$http")
}

# await_node K: node index K (0-based) holds its lease (presence_cluster_lease_held 1), at most 180 s
await_node() {
  local k=$1
  for _ in $(seq 1 360); do
    kill -0 "${NODE_PIDS[$k]}" 2>/dev/null || { log "node$((k + 1)) exited during start-up"; return 1; }
    [[ $(metric_sum "${HTTP_PORTS[$k]}" '^presence_cluster_lease_held$') == 1 ]] && return 0
    sleep 0.5
  done
  log "node$((k + 1)) did not hold its lease within 180 s"; return 1
}

start_kamailio() {
  local dir=$1 port
  port=$(free_port)
  : >"$dir/dispatcher.list"
  for sip in "${SIP_PORTS[@]}"; do echo "1 sip:127.0.0.1:$sip" >>"$dir/dispatcher.list"; done
  mkdir -p "$WORK/kamailio-run"
  kamailio -DD -E -f "$KAM_CFG" -A "DS_LIST=\"$dir/dispatcher.list\"" -A LB_ADDR=127.0.0.1 \
    -A "LB_PORT=$port" -A "RUN_DIR=\"$WORK/kamailio-run\"" >"$dir/kamailio.log" 2>&1 &
  KAM_PID=$!
  LB_PORT=$port
  for _ in $(seq 1 120); do
    kill -0 "$KAM_PID" 2>/dev/null || { log "Kamailio exited, see $dir/kamailio.log"; return 1; }
    if (cd "$WORK" && timeout 5 $SIPP "127.0.0.1:$LB_PORT" -sf "$HARNESS/scenarios/options.xml" -m 1 -nostdin \
        -timeout 3s -i 127.0.0.1 -p "$(free_port)" >/dev/null 2>&1); then
      return 0
    fi
    sleep 0.5
  done
  log "Kamailio did not relay an OPTIONS within 60 s"; return 1
}

stop_cluster() {
  [[ -n "$KAM_PID" ]] && stop_pid "$KAM_PID"
  KAM_PID=""
  # A clean stop leaves each lease; in parallel, so that no node takes over a stopping peer's dialogs.
  for pid in "${NODE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${NODE_PIDS[@]}"; do stop_pid "$pid"; done
  NODE_PIDS=() SIP_PORTS=() HTTP_PORTS=()
}

# ---------------------------------------------------------------- measuring

rss_kb() { # PID... -> sum of VmRSS of their process trees
  local p
  for p in "$@"; do descendants "$p"; done | while read -r q; do awk '/^VmRSS/{print $2}' "/proc/$q/status" 2>/dev/null; done \
    | awk '{s += $1} END {print s + 0}'
}

# metric_sum HTTP_PORT REGEX: the sum of the Prometheus series whose name{labels} matches REGEX
metric_sum() {
  curl -s -m 5 "http://127.0.0.1:$1/metrics" \
    | awk -v re="$2" '$1 !~ /^#/ {key = $1; sub(/[{].*/, "", key); if ($1 ~ re || key ~ re) s += $2} END {printf "%.0f\n", s}'
}

snapshot() { # FILE: every node's /metrics, one block per node
  : >"$1"
  for k in "${!HTTP_PORTS[@]}"; do
    echo "# node$((k + 1))" >>"$1"
    curl -s -m 5 "http://127.0.0.1:${HTTP_PORTS[$k]}/metrics" >>"$1"
  done
}

# from_snapshot FILE NODE REGEX: the sum of the matching series of one node (1-based) in a snapshot
from_snapshot() {
  awk -v node="# node$2" -v re="$3" '/^# node[0-9]+$/ {on = ($0 == node); next} on && $1 !~ /^#/ && $1 ~ re {s += $2} END {printf "%.0f\n", s}' "$1"
}

# sipp_lb DIR SCENARIO RATE CALLS [extra]: one bounded SIPp run through the balancer
sipp_lb() {
  local dir=$1 scenario=$2 rate=$3 calls=$4; shift 4
  mkdir -p "$dir"
  (cd "$dir" && timeout $((calls / rate + 120)) $SIPP "127.0.0.1:$LB_PORT" -i 127.0.0.1 -p "$(free_port)" -t u1 \
    -sf "$scenario" -inf "$USERS" -r "$rate" -m "$calls" -l 15000 -timeout "$((calls / rate + 40))s" -nostdin \
    -default_behaviors abortunexp,pingreply -trace_err -trace_screen -max_socket 5000 "$@" >sipp.out 2>&1)
}

# measure N NAME SCENARIO: one recorded run at RATE, a row in results.csv, a line in $DIR/rows.txt
measure() {
  local n=$1 name=$2 scenario=$3 dir=$NDIR/$2
  mkdir -p "$dir"
  snapshot "$dir/metrics-before.txt"
  local nodes0 kam0 pg0 nodes1 kam1 pg1
  nodes0=$(tree_cpu "${NODE_PIDS[@]}"); kam0=$(tree_cpu "$KAM_PID"); pg0=$(tree_cpu "$(pg_pid)")
  local lb0 load; lb0=$(grep -c 'no presence node is active' "$NDIR/kamailio.log"); load=$(cut -d' ' -f1 /proc/loadavg)
  log "N=$n $name: $CALLS calls at $RATE/s through the balancer"
  sipp_lb "$dir" "$scenario" "$RATE" "$CALLS" -trace_stat -stf stat.csv -fd 1 -trace_rtt -rtt_freq 50
  nodes1=$(tree_cpu "${NODE_PIDS[@]}"); kam1=$(tree_cpu "$KAM_PID"); pg1=$(tree_cpu "$(pg_pid)")
  snapshot "$dir/metrics-after.txt"
  # The balancer's own 503s: every node it knows is marked inactive (dispatcher.cfg marks a node that
  # timed out, failed a probe or answered "503 ... (stopping)" inactive until it answers a probe).
  local lb_refused; lb_refused=$(( $(grep -c 'no presence node is active' "$NDIR/kamailio.log") - lb0 ))
  load="$load-$(cut -d' ' -f1 /proc/loadavg)"
  local rss; rss=$(rss_kb "${NODE_PIDS[@]}" "$KAM_PID")
  local fields; fields=$(python3 "$HARNESS/stats.py" sipp "$dir")
  local cpu_nodes cpu_kam cpu_pg; cpu_nodes=$(echo "$nodes1 - $nodes0" | bc); cpu_kam=$(echo "$kam1 - $kam0" | bc)
  cpu_pg=$(echo "$pg1 - $pg0" | bc)
  local refused=0 spread="" method; method=SUBSCRIBE; [[ $name == publish ]] && method=PUBLISH
  for k in $(seq 1 "$n"); do
    local r a b
    a=$(from_snapshot "$dir/metrics-after.txt" "$k" '^presence_overload_refused_total[{]')
    b=$(from_snapshot "$dir/metrics-before.txt" "$k" '^presence_overload_refused_total[{]')
    local sa sb
    sa=$(from_snapshot "$dir/metrics-after.txt" "$k" '^presence_overload_refused_total[{].*reason="stopping"'); sb=$(from_snapshot "$dir/metrics-before.txt" "$k" '^presence_overload_refused_total[{].*reason="stopping"')
    r=$(echo "($a - $b) - ($sa - $sb)" | bc); refused=$(echo "$refused + $r" | bc)
    a=$(from_snapshot "$dir/metrics-after.txt" "$k" "^presence_sip_requests_total[{].*method=\"$method\"")
    b=$(from_snapshot "$dir/metrics-before.txt" "$k" "^presence_sip_requests_total[{].*method=\"$method\"")
    spread="$spread${spread:+/}$(echo "$a - $b" | bc)"
  done
  local offered ok failed failpct elapsed okps retrans rn p50 p90 p99 max _r2a _r2b
  IFS=, read -r offered ok failed failpct elapsed okps retrans rn p50 p90 p99 max _r2a _r2b <<<"$fields"
  local cpu_sum; cpu_sum=$(echo "$cpu_nodes + $cpu_kam" | bc)
  local per_op="-" per_op_pg="-"
  if [[ -n "$ok" && "$ok" != 0 ]]; then
    per_op=$(echo "scale=2; 1000 * $cpu_sum / $ok" | bc)
    per_op_pg=$(echo "scale=2; 1000 * ($cpu_sum + $cpu_pg) / $ok" | bc)
  fi
  local errors=0 f
  for f in "$NDIR"/node*.log; do errors=$((errors + $(grep -c ' ERROR ' "$f" || true))); done
  echo "$(date -Iseconds),presence-agent-cluster-$n,$name,udp,$RATE,$CALLS,1,$fields,0,$rss,0,$n,$cpu_sum,,,nodes=$n via=kamailio-dispatcher refused503=$refused cpu_nodes=$cpu_nodes cpu_kamailio=$cpu_kam cpu_postgres=$cpu_pg refused503_balancer=$lb_refused spread=$spread loadavg=$load" >>"$RESULTS"
  echo "| $n | $name | $RATE | $okps | $failpct | $refused | $lb_refused | $retrans | $p50 / $p90 / $p99 | $cpu_nodes + $cpu_kam | $per_op | $cpu_pg | $per_op_pg | $spread | $errors | $load |" >>"$NDIR/rows.txt"
  log "  -> served/s $okps, failed $failpct %, 503 $refused (balancer $lb_refused), p50/p90/p99 $p50/$p90/$p99 ms, CPU nodes $cpu_nodes s + Kamailio $cpu_kam s (PostgreSQL $cpu_pg s), per node $spread, load average $load"
}

# ---------------------------------------------------------------- the run

{
  echo "$(date -Iseconds) NODES=\"$NODES\" RATE=$RATE CALLS=$CALLS WARMUP_CALLS=$WARMUP_CALLS LAT_PUBLISHES=$LAT_PUBLISHES LAT_INTERVAL_MS=$LAT_INTERVAL_MS LAT_PRESENTITIES=$LAT_PRESENTITIES LAT_WATCHERS=$LAT_WATCHERS LAT_ARGS=\"$LAT_ARGS\" CLUSTER_LEASE=$CLUSTER_LEASE NODE_PARAMS=\"$NODE_PARAMS\" PG_FSYNC=$PG_FSYNC KAM_CFG=$KAM_CFG JVM_OPTS=\"$JVM_OPTS\" BENCH_PARAMS=\"$BENCH_PARAMS\" bench/cluster-bench.sh"
  echo "commit $SHA$(git diff --quiet HEAD -- src 2>/dev/null || echo ' (src/ modified)'), jar $JAR ($(sha256sum "$JAR" | cut -c1-12), built $(date -r "$JAR" -Iseconds))"
  echo "$(nproc) CPUs, load average at start $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(kamailio -v 2>/dev/null | head -1); $(sipp -v 2>/dev/null | grep -o 'v[0-9][^ ]*' | head -1)"
} | tee -a "$OUT/command.txt" >&2
[[ -s "$RESULTS" ]] || echo "ts,label,scenario,transport,target_rate,calls,rep,offered_cps,success,failed,fail_pct,elapsed_s,success_cps,retrans,rtd1_n,rtd1_p50_ms,rtd1_p90_ms,rtd1_p99_ms,rtd1_max_ms,rtd2_p50_ms,rtd2_p99_ms,srv_rss_main_kb,srv_rss_sum_kb,srv_pss_sum_kb,srv_nproc,srv_cpu_s,notify_total,notify_per_s,note" >"$RESULTS"

start_postgres
for n in $NODES; do
  NDIR=$OUT/n$n
  rm -rf "$NDIR"; mkdir -p "$NDIR"
  db=presence_n$n
  psql_admin "CREATE DATABASE $db" || exit 1
  log "N=$n: starting $n node(s)"
  rm -rf "$WORK"/data-node*
  start_node "$NDIR" 1 "$db"
  await_node 0 || exit 1
  for i in $(seq 2 "$n"); do start_node "$NDIR" "$i" "$db"; done
  for k in $(seq 1 $((n - 1))); do await_node "$k" || exit 1; done
  start_kamailio "$NDIR" || exit 1
  log "N=$n: nodes on SIP ${SIP_PORTS[*]} (HTTP ${HTTP_PORTS[*]}), balancer on $LB_PORT"

  # The harness's subscribe run: state for its 1000 presentities first, so that NOTIFYs carry a body.
  sipp_lb "$NDIR/preload" "$PUB_SCENARIO" "$RATE" 1000 -trace_stat -stf stat.csv -fd 1
  if ((WARMUP_CALLS > 0)); then
    log "N=$n: warm-up, $WARMUP_CALLS SUBSCRIBE dialogs at $((RATE / 2))/s"
    sipp_lb "$NDIR/warmup-subscribe" "$SUB_SCENARIO" $((RATE / 2)) "$WARMUP_CALLS"
    sleep 2
  fi
  measure "$n" subscribe "$SUB_SCENARIO"
  if ((WARMUP_CALLS > 0)); then
    log "N=$n: warm-up, $WARMUP_CALLS PUBLISHes at $((RATE / 2))/s"
    sipp_lb "$NDIR/warmup-publish" "$PUB_SCENARIO" $((RATE / 2)) "$WARMUP_CALLS"
    sleep 2
  fi
  measure "$n" publish "$PUB_SCENARIO"

  sleep 3
  log "N=$n: PUBLISH -> NOTIFY latency, $LAT_PUBLISHES changes"
  nodes_arg=$(printf '127.0.0.1:%s,' "${SIP_PORTS[@]}"); http_arg=$(printf '127.0.0.1:%s,' "${HTTP_PORTS[@]}")
  nice -n -5 python3 "$ROOT/bench/tools/notify_latency.py" --nodes "${nodes_arg%,}" --http "${http_arg%,}" \
    --lb "127.0.0.1:$LB_PORT" --presentities "$LAT_PRESENTITIES" --watchers "$LAT_WATCHERS" \
    --publishes "$LAT_PUBLISHES" --interval-ms "$LAT_INTERVAL_MS" $LAT_ARGS --json "$NDIR/latency.json" >"$NDIR/latency.txt" 2>&1
  echo "exit $?" >>"$NDIR/latency.txt"
  cat "$NDIR/latency.txt" >&2
  grep -E '^\| (same|cross)-node' "$NDIR/latency.txt" | sed "s/^|/| $n |/" >>"$NDIR/latency-rows.txt"

  stop_cluster
  for f in "$NDIR"/*.log; do gzip -f "$f"; done
  psql_admin "DROP DATABASE $db" || true
done

{
  echo "# Scale-out benchmark, $(date +%Y-%m-%d), commit $SHA"
  echo
  echo "Command and machine: [command.txt](command.txt). Every row: nodes behind Kamailio's dispatcher"
  echo "(kamailio/dispatcher.cfg) on one PostgreSQL (fsync=$PG_FSYNC), the shared harness's scenarios sent"
  echo "through the balancer over UDP, $CALLS calls at $RATE/s after $WARMUP_CALLS warm-up calls."
  echo
  echo "| nodes | scenario | offered/s | served/s | failed % | 503 from nodes | 503 from balancer | SIPp retrans | p50 / p90 / p99 ms | CPU s nodes + Kamailio | CPU ms/op | CPU s PostgreSQL | CPU ms/op with PostgreSQL | requests per node | ERROR lines | load average before-after |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  cat "$OUT"/n*/rows.txt 2>/dev/null
  echo
  echo "served/s: SIPp's successful calls over the run's time (harness column success_cps); p50 / p90 / p99:"
  echo "SUBSCRIBE -> first NOTIFY, PUBLISH -> 200 (SIPp, ~4 ms resolution). 503 from nodes: overload"
  echo "control's refusals (presence_overload_refused_total, not counting stopping); the balancer answers"
  echo "them as 503 with the node's Retry-After and keeps the node in service. 503 from balancer: its own,"
  echo "while no node is active (a node is marked inactive when it times out, fails a probe or is stopping). CPU ms/op: CPU of the nodes and"
  echo "Kamailio (utime+stime of their process trees) over the successful calls; with PostgreSQL: its"
  echo "server processes added. Requests per node: the requests of the scenario's method each node"
  echo "answered, whatever the answer (SUBSCRIBE: initial and un-SUBSCRIBE)."
  echo
  echo "PUBLISH -> NOTIFY latency (bench/tools/notify_latency.py; $LAT_PRESENTITIES presentities published ${LAT_ARGS:+"($LAT_ARGS) "}through"
  echo "the balancer unless that says otherwise, one change every $LAT_INTERVAL_MS ms, $LAT_PUBLISHES changes; $LAT_WATCHERS watchers per node"
  echo "and presentity, subscribed straight to their node; same node: the node that took the PUBLISH owns the"
  echo "dialog; cross node: another node, the change reaches it through the change log):"
  echo
  echo "| nodes | placement | samples | missing | p50 ms | p90 ms | p99 ms | max ms |"
  echo "|---|---|---|---|---|---|---|---|"
  cat "$OUT"/n*/latency-rows.txt 2>/dev/null
} >"$SUMMARY"
cat "$SUMMARY"
