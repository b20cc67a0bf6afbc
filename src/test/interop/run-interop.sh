#!/usr/bin/env bash
# run-interop.sh - real SIP clients see each other through the server (issue 18).
#
# Usage: src/test/interop/run-interop.sh JAR SIP_PORT HTTP_PORT [ROUNDS]
#
# Starts the standalone server (JAR) on 127.0.0.1 with an empty data directory and the HTTP admin
# API on, then for each client (baresip 1.0.0, linphonec 5.1) and each transport (UDP, TCP) runs
# the case ROUNDS times in a row (default 3), each round with two fresh users A and B:
#   1. A and B start, each with its own generated configuration in its own directory: each
#      registers, publishes its presence and subscribes to the other's;
#   2. each UA shows the other online, and the server holds for each a registration, a
#      publication and an active subscription from the other (admin API);
#   3. A quits (un-PUBLISH, un-SUBSCRIBE, un-REGISTER) and exits by itself; B shows A offline
#      and the server holds no registration of A and nothing that says A is online;
#   4. B quits the same way; no UA was ever answered 3xx-6xx by the server (their SIP logs).
# Every wait is bounded (INTEROP_WAIT_S, first round of a case twice as long: a cold server), every
# process is stopped by its PID and start time recorded when it was started (never a PID that may
# have been reused), every round's UAs get ports nothing uses. Prints
# "PASS|FAIL <client> <transport> round <n>" per round and, last, "<N> passed, <M> failed" alone on
# a line. Exit status 0 only if every round passed; 3 (and nothing run) if a client or a tool is
# not installed, 2 for a usage error, 1 otherwise. InteropIT runs it in the README's test command.
#
# Environment (all optional):
#   INTEROP_CLIENTS     clients to run, in order            (default: "baresip linphone")
#   INTEROP_TRANSPORTS  transports to run                   (default: "udp tcp")
#   INTEROP_PORT_BASE   UA ports are taken from base..base+1999, 40 a round (default: 27100)
#   INTEROP_WAIT_S      bound of each wait, in seconds      (default: 20)
#   INTEROP_WORK        where configurations and logs go    (default: a new mktemp -d folder)
#   JAVA                the java binary for the server      (default: java)
set -uo pipefail

[[ $# -ge 3 && $# -le 4 ]] || { echo "usage: $0 JAR SIP_PORT HTTP_PORT [ROUNDS]" >&2; exit 2; }
JAR=$1
SIP_PORT=$2
HTTP_PORT=$3
ROUNDS=${4:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
CLIENTS=${INTEROP_CLIENTS:-baresip linphone}
TRANSPORTS=${INTEROP_TRANSPORTS:-udp tcp}
PORT_BASE=${INTEROP_PORT_BASE:-27100}
NEXT_PORT=$PORT_BASE
PORT_LIMIT=$((PORT_BASE + 2000))
WAIT_S=${INTEROP_WAIT_S:-20}
WORK=${INTEROP_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/interop.XXXXXX")}
JAVA=${JAVA:-java}
DOMAIN=example.com
# INTEROP_DIGEST=1: the server runs with digest_auth=1, each round's users are added through the admin
# API with a password of their own, and the UAs are configured with it (README "Security")
DIGEST=${INTEROP_DIGEST:-0}
# baresip's publication interval and the server's shortest expiry: how long a publication a UA
# left behind (see leaves) lives on
PUBLISH_EXPIRES_S=20
ADMIN_USER=interop
ADMIN_PASSWORD="interop-$$-$RANDOM"
RUN_ID="$(date +%H%M%S)$$"

# shellcheck source=lib/common.sh
source "$HERE/lib/common.sh"
# shellcheck source=lib/baresip.sh
source "$HERE/lib/baresip.sh"
# shellcheck source=lib/linphone.sh
source "$HERE/lib/linphone.sh"

SERVER_PID=""
STARTED=() # "client ua" of every UA started and not yet stopped

cleanup() {
	local entry
	for entry in "${STARTED[@]}"; do
		"${entry% *}_kill" "${entry#* }"
	done
	STARTED=()
	stop_pid "$SERVER_PID" 15
}
trap cleanup EXIT
trap 'exit 130' INT TERM

forget() { # client ua: no longer to be stopped by cleanup
	local entry kept=()
	for entry in "${STARTED[@]}"; do
		[[ "$entry" == "$1 $2" ]] || kept+=("$entry")
	done
	STARTED=("${kept[@]}")
}

# ---------------------------------------------------------------- the server
start_server() {
	mkdir -p "$WORK/data"
	DIGEST_PARAMS=()
	[[ "$DIGEST" == 1 ]] && DIGEST_PARAMS=(--param digest_auth=1 --param digest_realm="$DOMAIN")
	# DEBUG: one line per request and every repaired document, for reading a failure afterwards
	"$JAVA" -Dpresenceagent.log.level=DEBUG -jar "$JAR" --bind 127.0.0.1 --sip-port "$SIP_PORT" \
		--http-port "$HTTP_PORT" --data-dir "$WORK/data" --param admin_credentials="$ADMIN_USER:$ADMIN_PASSWORD" \
		--param min_expires="$PUBLISH_EXPIRES_S" --param domains="$DOMAIN" "${DIGEST_PARAMS[@]}" \
		>"$WORK/server.log" 2>&1 &
	SERVER_PID=$(started)
	# ready when the admin API answers (the SIP connectors are up by then)
	if ! poll 90 eval 'alive "$SERVER_PID" && admin_get presentities >/dev/null'; then
		log "server did not start (log: $WORK/server.log)"
		tail -n 50 "$WORK/server.log" >&2
		return 1
	fi
	log "server up (pid $SERVER_PID) sip=$SIP_PORT http=$HTTP_PORT, work dir $WORK$([[ "$DIGEST" == 1 ]] && echo ", digest authentication")"
}

# ---------------------------------------------------------------- one round
FAILURE=""
fail() { [[ -n "$FAILURE" ]] || FAILURE="$*"; }

# expect_within SECONDS DESCRIPTION COMMAND... -> records a failure unless COMMAND succeeds in time
expect_within() {
	local seconds=$1 what=$2
	shift 2
	[[ -n "$FAILURE" ]] && return 1
	poll "$seconds" "$@" || { fail "$what (not within ${seconds}s)"; return 1; }
}

sees() { # client ua peer-aor status
	[[ "$("$1_sees" "$2" "$3")" == "$4" ]]
}

server_online_with_everything() { # aor watcher-aor
	server_at_least "$1" registrations 1 && server_at_least "$1" publications 1 && server_watched_by "$1" "$2"
}

server_has_no_binding() { # aor
	local json
	json=$(admin_get "presentities/$1")
	[[ -z "$json" || "$(json_field "$json" registrations)" == 0 ]]
}

server_offline() { # aor: nothing held (404), or no binding left and nothing published says open
	local json
	json=$(admin_get "presentities/$1")
	[[ -z "$json" ]] || [[ "$(json_field "$json" registrations)" == 0 && "$(json_field "$json" online)" == false ]]
}

not() { ! "$@"; }

# leaves CLIENT UA AOR PEER_AOR: the UA quits and exits by itself, and the server then holds
# no binding of it, none of the publications it removed, nothing that says it is online and no
# subscription of it. A publication the UA made but never removed (trace_orphans) outlives it
# until it expires: baresip 1.0.0 sends a second initial PUBLISH when its REGISTER is answered
# without waiting for the answer to its first (RFC 3903 section 4.1 says it must wait), keeps the
# entity-tag of whichever answer arrives last and removes only that one when it quits; when the
# server answers the two in the other order than they were sent (it handles requests
# concurrently), the open one is left behind, and watchers see the UA offline only once it has
# expired: the wait is then bounded by that expiry (pubint) instead.
# Sets OFFLINE_WAIT_S, the bound of waiting for watchers to see the UA offline; counts RACES.
leaves() {
	local client=$1 ua=$2 aor=$3 peer=$4 orphans quit_at
	"${client}_quit" "$ua" "$WAIT_S" || fail "$ua did not exit by itself after quitting"
	forget "$client" "$ua"
	quit_at=$SECONDS
	orphans=$("${client}_trace" "$ua" | trace_orphans)
	OFFLINE_WAIT_S=$WAIT_S
	[[ -z "$orphans" ]] || OFFLINE_WAIT_S=$((PUBLISH_EXPIRES_S + WAIT_S))
	expect_within "$WAIT_S" "server dropped the binding and the publications $ua removed" \
		eval 'server_etags_within "$aor" "$orphans" && server_has_no_binding "$aor"'
	expect_within "$OFFLINE_WAIT_S" "server holds nothing that says $ua is online" server_offline "$aor"
	expect_within "$WAIT_S" "$ua's subscription ended" not server_watched_by "$peer" "$aor"
	if [[ -n "$orphans" ]]; then
		RACES=$((RACES + 1))
		NOTES+=("$ua left $(wc -l <<<"$orphans") publication(s) behind (two initial PUBLISHes at once);
           the server said it was offline $((SECONDS - quit_at)) s after it quit")
	fi
}

run_round() { # client transport round
	local client=$1 transport=$2 round=$3 port wait=$WAIT_S
	local dir="$WORK/$client-$transport-$round" a b ua user_a user_b aor_a aor_b errors
	((round == 1)) && wait=$((WAIT_S * 2)) # the first REGISTER of a cold server may be slow
	user_a="$client-$transport-$round-a-$RUN_ID"
	user_b="$client-$transport-$round-b-$RUN_ID"
	aor_a="sip:$user_a@$DOMAIN"
	aor_b="sip:$user_b@$DOMAIN"
	a="$client-$transport-$round-a"
	b="$client-$transport-$round-b"
	FAILURE=""
	NOTES=()

	claim_ports "${client}_ports" || { fail "no free UA ports left in $PORT_BASE..$PORT_LIMIT"; return; }
	port=$PORT
	password_a=""
	password_b=""
	if [[ "$DIGEST" == 1 ]]; then
		password_a="a-$RANDOM$RANDOM"
		password_b="b-$RANDOM$RANDOM"
		admin_add_subscriber "$user_a@$DOMAIN" "$password_a" || fail "the admin API did not add $user_a"
		admin_add_subscriber "$user_b@$DOMAIN" "$password_b" || fail "the admin API did not add $user_b"
	fi
	"${client}_start" "$a" "$user_a" "$user_b" "$transport" "$port" "$dir/a" "$password_a"
	STARTED+=("$client $a")
	"${client}_start" "$b" "$user_b" "$user_a" "$transport" "$((port + 20))" "$dir/b" "$password_b"
	STARTED+=("$client $b")

	expect_within "$wait" "A shows B online" sees "$client" "$a" "$aor_b" online
	expect_within "$WAIT_S" "B shows A online" sees "$client" "$b" "$aor_a" online
	expect_within "$WAIT_S" "server holds A's registration, publication and B's subscription" \
		server_online_with_everything "$aor_a" "$aor_b"
	expect_within "$WAIT_S" "server holds B's registration, publication and A's subscription" \
		server_online_with_everything "$aor_b" "$aor_a"

	if [[ -z "$FAILURE" ]]; then
		leaves "$client" "$a" "$aor_a" "$aor_b"
		expect_within "$OFFLINE_WAIT_S" "B shows A offline" sees "$client" "$b" "$aor_a" offline
		leaves "$client" "$b" "$aor_b" "$aor_a"
	fi
	for ua in "$a" "$b"; do
		errors=$("${client}_trace" "$ua" | trace_errors)
		[[ -z "$errors" ]] || fail "$ua was answered: $(head -n 3 <<<"$errors" | paste -sd ';')"
	done
	if [[ -n "$FAILURE" ]]; then # what the server holds, for reading the failure
		{ admin_get "presentities/$aor_a"; echo; admin_get "presentities/$aor_b"; echo; } >"$dir/server-view.json"
	fi
	"${client}_kill" "$a"
	"${client}_kill" "$b"
	forget "$client" "$a"
	forget "$client" "$b"
	if [[ -n "$FAILURE" ]]; then
		echo "   logs: $("${client}_log" "$a") $("${client}_log" "$b") $dir/server-view.json" >&2
	fi
}

# ---------------------------------------------------------------- main
for client in $CLIENTS; do
	"${client}_available" || { log "$client is not installed ($("${client}_install_hint"))"; exit 3; }
done
command -v curl >/dev/null 2>&1 || { log "curl is not installed (apt-get install curl)"; exit 3; }
command -v ss >/dev/null 2>&1 || { log "ss is not installed (apt-get install iproute2)"; exit 3; }
start_server || exit 1

PASSED=0
FAILED=0
RACES=0
NOTES=()
for client in $CLIENTS; do
	for transport in $TRANSPORTS; do
		for round in $(seq 1 "$ROUNDS"); do
			started=$SECONDS
			run_round "$client" "$transport" "$round"
			if [[ -z "$FAILURE" ]]; then
				echo "PASS $client $transport round $round ($((SECONDS - started)) s)"
				PASSED=$((PASSED + 1))
			else
				echo "FAIL $client $transport round $round: $FAILURE"
				FAILED=$((FAILED + 1))
			fi
			for note in "${NOTES[@]}"; do echo "     note: $note"; done
		done
	done
done

alive "$SERVER_PID" || { log "the server died during the run"; FAILED=$((FAILED + 1)); }
curl -fsS --max-time 5 "http://127.0.0.1:$HTTP_PORT/metrics" 2>/dev/null | grep '^presence_pidf_repairs_total' >&2
log "configurations and logs: $WORK"
((RACES == 0)) || log "$RACES UA(s) left a publication behind that expired after at most ${PUBLISH_EXPIRES_S}s (baresip, RFC 3903 section 4.1)"
echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
