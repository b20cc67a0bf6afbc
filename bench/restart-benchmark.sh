#!/usr/bin/env bash
# Restart benchmark (failover issue): how long the standalone server takes from process start to
# answering SIP when its embedded H2 database holds N live subscriptions and N publications.
#
#   ./mvnw -B -q -DskipTests package && bench/restart-benchmark.sh [N] [RUNS]
#
# The database is created by a first start (Flyway), then filled with plain SQL through H2's own
# shell from the same jar (N rows each: one subscription per watcher, one PIDF publication per
# presentity, all live for an hour); then the server is started RUNS times and the time until an
# OPTIONS request gets its 200 is measured, together with the "restored ..." log line.
set -euo pipefail

N=${1:-100000}
RUNS=${2:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/target/presence-agent.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 2; }
WORK=$(mktemp -d)
echo "work directory $WORK"
SIP_PORT=${SIP_PORT:-15060}
HTTP_PORT=${HTTP_PORT:-18080}
trap 'kill $PID 2>/dev/null || true; [ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

# Sends OPTIONS over UDP until a 200 comes back; prints nothing, returns when it did.
wait_for_sip() {
  python3 - "$SIP_PORT" <<'PY'
import socket, sys, time, uuid
port = int(sys.argv[1])
deadline = time.time() + 300
while time.time() < deadline:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    s.settimeout(0.05)
    local = s.getsockname()[1]
    call = uuid.uuid4().hex
    msg = (f"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\n"
           f"Via: SIP/2.0/UDP 127.0.0.1:{local};branch=z9hG4bK{call}\r\n"
           "Max-Forwards: 70\r\n"
           f"From: <sip:probe@127.0.0.1>;tag={call[:8]}\r\nTo: <sip:127.0.0.1:{port}>\r\n"
           f"Call-ID: {call}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
    s.sendto(msg.encode(), ("127.0.0.1", port))
    try:
        data = s.recv(65535)
        if data.startswith(b"SIP/2.0 200"):
            sys.exit(0)
    except (socket.timeout, ConnectionRefusedError, OSError):
        time.sleep(0.05)
    finally:
        s.close()
sys.exit(1)
PY
}

start_server() {
  java -jar "$JAR" --sip-port "$SIP_PORT" --http-port "$HTTP_PORT" --data-dir "$WORK/data" >"$WORK/server.log" 2>&1 &
  PID=$!
}

stop_server() {
  kill -TERM "$PID"
  wait "$PID" || true
}

echo "creating the schema"
start_server
wait_for_sip
stop_server

NOW=$(date +%s%3N)
UNTIL=$((NOW + 3600 * 1000))
echo "storing $N subscriptions and $N publications"
cat >"$WORK/seed.sql" <<SQL
INSERT INTO publication (etag, presentity, event, content_type, body, published_at, expires_at)
SELECT 'bench' || X, 'sip:user' || X || '@bench.example', 'presence', 'application/pidf+xml',
  STRINGTOUTF8('<?xml version="1.0" encoding="UTF-8"?><presence xmlns="urn:ietf:params:xml:ns:pidf"'
    || ' entity="sip:user' || X || '@bench.example"><tuple id="t1"><status><basic>open</basic></status>'
    || '<note>benchmark</note></tuple></presence>'),
  $NOW, $UNTIL
FROM SYSTEM_RANGE(1, $N);
INSERT INTO subscription (id, call_id, watcher_tag, event, event_id, presentity, watcher, content_type, state,
  reason, created_at, expires_at, local_tag, remote_target, route_set, remote_cseq, local_cseq, transport, version)
SELECT 'presence|wt' || X || '|bench-call-' || X, 'bench-call-' || X, 'wt' || X, 'presence', '',
  'sip:user' || X || '@bench.example', 'sip:watcher' || X || '@bench.example', 'application/pidf+xml', 'ACTIVE',
  NULL, $NOW, $UNTIL, 'lt' || X, 'sip:watcher' || X || '@127.0.0.1:9', '', 1, 100, 'udp', 1
FROM SYSTEM_RANGE(1, $N);
SQL
java -cp "$JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$WORK/data/presence-agent" -script "$WORK/seed.sql"
du -sh "$WORK/data" | awk '{print "database size " $1}'

echo "run,seconds_to_serving,restored"
for run in $(seq 1 "$RUNS"); do
  begin=$(date +%s%N)
  start_server
  wait_for_sip
  end=$(date +%s%N)
  restored=$(grep -o 'restored [0-9]* publications, [0-9]* registrations and [0-9]* subscriptions' "$WORK/server.log")
  rss=$(ps -o rss= -p "$PID" | awk '{printf "%d MB", $1/1024}')
  echo "$run,$(awk -v ns=$((end - begin)) 'BEGIN{printf "%.2f", ns/1e9}'),$restored,rss $rss"
  stop_server
done
