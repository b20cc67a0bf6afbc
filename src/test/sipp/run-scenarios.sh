#!/usr/bin/env bash
# run-scenarios.sh - run every SIPp end-to-end scenario of this folder once against a presence server.
#
# Usage: src/test/sipp/run-scenarios.sh HOST:PORT [udp|tcp|both]      (default: both)
#
# For each transport and scenario: one call (-m 1), bounded (-timeout 20s -timeout_error, plus
# timeout(1)), its own local port, a fresh presentity (so runs never see each other's state).
# Prints "PASS <scenario> <transport>" / "FAIL <scenario> <transport>" per run and, last,
# "<N> passed, <M> failed" alone on a line. Exit status 0 only if everything passed.
# Before the scenarios it waits (up to SIPP_WAIT_S, default 30 s) until the server answers OPTIONS.
#
# Environment (all optional):
#   SIPP            sipp binary                                (default: sipp)
#   SIPP_LOCAL_IP   local address for SIPp (-i)                (default: 127.0.0.1)
#   SIPP_PORT_BASE  first local SIPp port; uses base..base+31   (default: 15300)
#   SIPP_WAIT_S     how long to wait for the OPTIONS probe      (default: 30)
#   SIPP_LOGDIR     where SIPp traces go                        (default: a new mktemp -d folder)
#   SCENARIOS       space separated subset, in run order        (default: all but the digest ones, see below)
#   SIPP_DIGEST_USER, SIPP_DIGEST_PASSWORD
#                   the subscriber the digest_* scenarios authenticate as (user part; its AOR is
#                   user@HOST); they need a server started with digest_auth=1 and that user, e.g.
#                   --param digest_auth=1 --param subscribers=digest-user@127.0.0.1:digest-secret
#                   (defaults: digest-user, digest-secret). .ci/run starts such a second server.
set -uo pipefail

usage() { echo "usage: $0 HOST:PORT [udp|tcp|both]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || usage
TARGET=$1
MODE=${2:-both}
[[ "$TARGET" == *:* ]] || usage
HOST=${TARGET%:*}
case "$MODE" in
	udp) TRANSPORTS="udp" ;;
	tcp) TRANSPORTS="tcp" ;;
	both) TRANSPORTS="udp tcp" ;;
	*) usage ;;
esac

HERE=$(cd "$(dirname "$0")" && pwd)
SIPP=${SIPP:-sipp}
LOCAL_IP=${SIPP_LOCAL_IP:-127.0.0.1}
PORT_BASE=${SIPP_PORT_BASE:-15300}
WAIT_S=${SIPP_WAIT_S:-30}
LOGDIR=${SIPP_LOGDIR:-$(mktemp -d "${TMPDIR:-/tmp}/sipp-e2e.XXXXXX")}
mkdir -p "$LOGDIR"
# Order matters: the publish-based scenarios first, then the subscribe-based ones. The digest
# scenarios (digest_publish digest_subscribe) need a server with digest on: run them on their own.
SCENARIOS=${SCENARIOS:-"publish unknown_etag watch_publish fetch subscribe_dialog bad_event register message"}
DIGEST_USER=${SIPP_DIGEST_USER:-digest-user}
DIGEST_PASSWORD=${SIPP_DIGEST_PASSWORD:-digest-secret}
RUN_ID="$(date +%s)-$$"

command -v "$SIPP" >/dev/null 2>&1 || { echo "sipp not found (install: apt-get install -y sip-tester)" >&2; exit 2; }

tflag() { case "$1" in udp) echo u1 ;; tcp) echo t1 ;; esac; }

# run_sipp <dir> <local-port> <transport> <scenario.xml> [extra sipp args...]
run_sipp() {
	local dir=$1 port=$2 tr=$3 sf=$4; shift 4
	mkdir -p "$dir"
	(cd "$dir" && timeout -k 5 40 "$SIPP" "$TARGET" -sf "$sf" -i "$LOCAL_IP" -p "$port" -t "$(tflag "$tr")" \
		-m 1 -timeout 20s -timeout_error -nostdin -default_behaviors abortunexp,pingreply \
		-trace_err -trace_logs -trace_msg "$@" > sipp.out 2>&1)
}

# ---- wait until the server answers OPTIONS on every transport we are going to use ----
wait_for_server() {
	local tr=$1 port=$2 start=$SECONDS n=0
	while (( SECONDS - start < WAIT_S )); do
		n=$((n + 1))
		if (cd "$LOGDIR" && timeout -k 2 6 "$SIPP" "$TARGET" -sf "$HERE/options.xml" -i "$LOCAL_IP" -p "$port" \
			-t "$(tflag "$tr")" -m 1 -timeout 3s -timeout_error -nostdin > "probe-$tr.out" 2>&1); then
			echo "server answers OPTIONS over $tr (attempt $n)" >&2
			return 0
		fi
		sleep 1
	done
	echo "server at $TARGET did not answer OPTIONS over $tr within ${WAIT_S}s (see $LOGDIR/probe-$tr.out)" >&2
	return 1
}

PASSED=0
FAILED=0
ti=0
for tr in $TRANSPORTS; do
	if ! wait_for_server "$tr" $((PORT_BASE + ti)); then
		for s in $SCENARIOS; do echo "FAIL $s $tr"; FAILED=$((FAILED + 1)); done
		ti=$((ti + 1))
		continue
	fi
	si=0
	for s in $SCENARIOS; do
		port=$((PORT_BASE + 2 + si * 2 + ti))
		si=$((si + 1))
		# message.xml plays sender and recipient in one SIPp; over UDP SIPp cannot tell the relayed
		# MESSAGE (same Call-ID and CSeq as the one it sent) from its own, so it runs over TCP only.
		if [[ "$s" == "message" && "$tr" == "udp" ]]; then
			echo "SKIP $s $tr (one SIPp cannot be both ends of a relayed MESSAGE over UDP)"
			continue
		fi
		dir="$LOGDIR/$s-$tr"
		user="pa-$s-$tr-$RUN_ID"
		auth=()
		if [[ "$s" == digest_* ]]; then
			# a configured subscriber; SIPp's [authentication] answers the 401 (digest uri = Request-URI)
			user=$DIGEST_USER
			auth=(-au "$DIGEST_USER" -ap "$DIGEST_PASSWORD" -auth_uri "$DIGEST_USER@$HOST")
		fi
		if [[ ! -f "$HERE/$s.xml" ]]; then
			echo "no such scenario: $HERE/$s.xml" >&2; rc=2
		else
			run_sipp "$dir" "$port" "$tr" "$HERE/$s.xml" -key pres_user "$user" -key pres_domain "$HOST" "${auth[@]}"
			rc=$?
		fi
		if [[ $rc -eq 0 ]]; then
			echo "PASS $s $tr"; PASSED=$((PASSED + 1))
		else
			echo "FAIL $s $tr"; FAILED=$((FAILED + 1))
			{
				echo "--- $s over $tr failed (sipp exit $rc), traces in $dir"
				{ cat "$dir"/*_errors.log 2>/dev/null | head -n 40; echo; }
				grep -hE 'rror|arning' "$dir/sipp.out" 2>/dev/null | grep -v ' 0/0/0 ' | head -n 10
			} >&2
		fi
	done
	ti=$((ti + 1))
done

echo "SIPp traces: $LOGDIR" >&2
echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
