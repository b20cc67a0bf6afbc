# common.sh - helpers shared by run-interop.sh and the client drivers (sourced, not run).
#
# Everything here is bounded: every wait has a deadline, every process is stopped through the
# identity the harness recorded when it started it, and nothing is looked up by name.

log() { echo "[interop $(date +%H:%M:%S)] $*" >&2; }

# ---- processes ----
# A process is named by its PID and its start time, "PID:TICKS" (proc_id), never by its PID alone:
# the harness and its polling start so many short-lived processes that PIDs wrap around within
# minutes (pid_max is often 32768), and bash reaps an exited child at once, so a PID remembered
# from an earlier round may name an unrelated process by the time it is signalled or waited for.

# proc_id PID -> "PID:TICKS", TICKS being the process's start time since boot (/proc/PID/stat
# field 22); fails if there is no such process. Read with builtins only (no process started).
proc_id() {
	local stat fields
	read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
	read -r -a fields <<<"${stat##*) }" # the fields after "PID (COMM) ", COMM may hold spaces
	echo "$1:${fields[19]}"
}

# started -> the identity of the last background process ($!), for recording at once
started() { proc_id "$!" || echo "$!:gone"; }

# alive ID -> 0 while that very process runs (a zombie, exited but not yet reaped, counts as gone)
alive() {
	local stat fields
	[[ -n "$1" ]] || return 1
	read -r stat 2>/dev/null <"/proc/${1%%:*}/stat" || return 1
	read -r -a fields <<<"${stat##*) }"
	[[ "${1%%:*}:${fields[19]}" == "$1" && "${fields[0]}" != Z ]]
}

# signal ID SIGNAL -> sends SIGNAL if that very process still runs
signal() {
	alive "$1" && kill -"$2" "${1%%:*}" 2>/dev/null
	return 0
}

# children ID -> the identities of that process's children, one a line (none once it is gone)
children() {
	local pid
	alive "$1" || return 0
	for pid in $(ps -o pid= --ppid "${1%%:*}" 2>/dev/null); do
		proc_id "$pid"
	done
}

# wait_gone ID SECONDS -> 0 if the process ended within SECONDS (bash reaps its children itself)
wait_gone() {
	local deadline=$((SECONDS + $2))
	while alive "$1"; do
		((SECONDS < deadline)) || return 1
		sleep 0.2
	done
}

# stop_pid ID [GRACE_S] -> SIGTERM, then SIGKILL after GRACE_S (default 10) seconds
stop_pid() {
	local grace=${2:-10}
	alive "$1" || return 0
	signal "$1" TERM
	wait_gone "$1" "$grace" && return 0
	log "process $1 did not stop within ${grace}s, SIGKILL"
	signal "$1" KILL
	wait_gone "$1" 5
}

# port_free PORT -> 0 if no socket, TCP or UDP, in any state, has it as its local port: not only
# listeners, also a connection a stopped UA left in TIME_WAIT (linphone binds UDP with
# SO_REUSEPORT, so a second instance on a taken port would not even fail: check before starting).
port_free() {
	[[ -z "$(ss -H -antu "( sport = :$1 )" 2>/dev/null)" ]]
}

# ports_free PORT... -> 0 if every port is free
ports_free() {
	local port
	for port in "$@"; do
		port_free "$port" || return 1
	done
}

# claim_ports PORTS_FUNCTION -> sets PORT to the first port P from NEXT_PORT on, in steps of 40
# and below PORT_LIMIT, such that the ports PORTS_FUNCTION lists for P and for P+20 (two UAs) are
# all free, and moves NEXT_PORT past them, so that no round reuses the ports of an earlier one.
# Fails if there is no such P.
claim_ports() {
	local port
	for ((port = NEXT_PORT; port + 40 <= PORT_LIMIT; port += 40)); do
		# shellcheck disable=SC2046 # one word per port
		if ports_free $("$1" "$port") $("$1" "$((port + 20))"); then
			NEXT_PORT=$((port + 40))
			PORT=$port
			return 0
		fi
	done
	return 1
}

# poll SECONDS COMMAND... -> 0 as soon as COMMAND succeeds, 1 if it never did within SECONDS
poll() {
	local deadline=$((SECONDS + $1))
	shift
	until "$@"; do
		((SECONDS < deadline)) || return 1
		sleep 0.5
	done
}

# ---- the server's view, through its HTTP admin API (README "HTTP admin API") ----

# admin_get PATH -> the JSON body (empty on 404 or error)
admin_get() {
	curl -fsS --max-time 5 -u "$ADMIN_USER:$ADMIN_PASSWORD" "http://127.0.0.1:$HTTP_PORT/admin/$1" 2>/dev/null
}

# admin_add_subscriber USER@DOMAIN PASSWORD -> 0 if the admin API added the user (README "Security")
admin_add_subscriber() {
	curl -fsS --max-time 5 -u "$ADMIN_USER:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
		-d "{\"aor\": \"$1\", \"password\": \"$2\"}" "http://127.0.0.1:$HTTP_PORT/admin/subscribers" >/dev/null
}

# json_field JSON NAME -> the number or boolean value of the first "NAME": in JSON
json_field() {
	grep -o "\"$2\":[a-z0-9]*" <<<"$1" | head -n 1 | cut -d: -f2
}

# server_at_least AOR FIELD N -> 0 if FIELD of /admin/presentities/AOR is N or more
server_at_least() {
	local value
	value=$(json_field "$(admin_get "presentities/$1")" "$2")
	[[ -n "$value" ]] && ((value >= $3))
}

# server_etags AOR -> the entity-tags of the publications the server holds for AOR, one a line
server_etags() {
	admin_get "presentities/$1" | grep -o '"etag":"[^"]*"' | cut -d'"' -f4 | sort
}

# server_etags_within AOR TAGS -> 0 if every publication the server holds for AOR is one of TAGS
server_etags_within() {
	local tag
	for tag in $(server_etags "$1"); do
		grep -qx "$tag" <<<"$2" || return 1
	done
}

# server_watched_by AOR WATCHER -> 0 if WATCHER holds an active presence subscription to AOR
server_watched_by() {
	admin_get "presentities/$1/subscriptions" | tr '{' '\n' \
		| grep "\"watcher\":\"$2\"" | grep '"event":"presence"' | grep -q '"state":"active"'
}

# ---- what a UA sent and received, from its own log ----
# Each driver's CLIENT_trace UA prints the UA's SIP messages, each after a line "@@ OUT" (to the
# server), "@@ IN" (from the server) or "@@ -" (anything else); the functions below read that.

# trace_errors -> one line per final 3xx-6xx response the server sent (status line and CSeq); with
# DIGEST=1 a 401 is the challenge every UA answers first, not an error
trace_errors() {
	awk -v challenges="${DIGEST:-0}" '
		/^@@ / { dir = $2; first = 1; next }
		first {
			first = 0
			status = (dir == "IN" && $0 ~ /^SIP\/2\.0 [3-6][0-9][0-9]/) ? $0 : ""
			if (challenges == 1 && $0 ~ /^SIP\/2\.0 401 /) status = ""
			next
		}
		status != "" && /^CSeq:/ { print status " (" $0 ")"; status = "" }
	'
}

# trace_orphans -> the entity-tags of publications the UA made and never refreshed, modified or
# removed (RFC 3903): each 2xx to a PUBLISH with Expires > 0 makes its SIP-ETag live, each 2xx to
# a PUBLISH with SIP-If-Match retires that tag, and so does sending a removal (Expires: 0; linphone
# exits before it logs the answer, and the server's view is checked against this list anyway).
# After the UA has quit, what is left outlives it.
trace_orphans() {
	awk '
		function flush() {
			if (dir == "OUT" && start ~ /^PUBLISH /) {
				ifmatch[cseq] = match_tag
				expires[cseq] = expiry
				if (expiry == "0" && match_tag != "") delete live[match_tag]
			}
			if (dir == "IN" && start ~ /^SIP\/2\.0 2/ && method == "PUBLISH" && !(cseq in answered)) {
				answered[cseq] = 1
				if (ifmatch[cseq] != "") delete live[ifmatch[cseq]]
				if (expires[cseq] != "0" && etag != "") live[etag] = 1
			}
			start = cseq = method = match_tag = etag = expiry = ""
		}
		/^@@ / { flush(); dir = $2; first = 1; next }
		first { first = 0; start = $0; next }
		/^CSeq:/ { cseq = $2; method = $3 }
		/^SIP-If-Match:/ { match_tag = $2 }
		/^SIP-ETag:/ { etag = $2 }
		/^Expires:/ { expiry = $2 }
		END { flush(); for (tag in live) print tag }
	' | sort
}
