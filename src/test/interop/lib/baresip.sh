# baresip.sh - driver for baresip (Debian package baresip-core, 1.0.0), sourced by run-interop.sh.
#
# Each user agent runs as `baresip -s -f DIR` with its own generated configuration in DIR (config,
# accounts, contacts) and HOME=DIR, so nothing of the machine's ~/.baresip is read. Presence comes
# from its `presence` module: the account publishes (pubint) and the one contact, marked
# presence=p2p, is subscribed to. What the UA sees is asked through its `cons` module (a TCP
# console on 127.0.0.1) with the `/contacts` command; `-s` puts every SIP message in its log.
# A SIGTERM makes baresip leave gracefully: un-PUBLISH, un-SUBSCRIBE, un-REGISTER, exit.
#
# Ports used per user agent: PORT (SIP; baresip also listens on PORT+1 over TCP for TLS) and
# PORT+5 (console).

BARESIP=${BARESIP:-baresip}
BARESIP_MODULES=${BARESIP_MODULES:-/usr/lib/baresip/modules}
declare -A BARESIP_PID BARESIP_DIR BARESIP_CONS

baresip_available() { command -v "$BARESIP" >/dev/null 2>&1 && [[ -f "$BARESIP_MODULES/presence.so" ]]; }
baresip_install_hint() { echo "apt-get install baresip-core"; }

baresip_ports() { echo "$1 $(($1 + 1)) $(($1 + 5))"; }

# baresip_start UA USER PEER TRANSPORT PORT DIR [PASSWORD]: with a password, the account answers
# digest challenges with it (auth_pass; the digest username is the AOR's user part)
baresip_start() {
	local ua=$1 user=$2 peer=$3 transport=$4 port=$5 dir=$6 password=${7:-} auth=""
	mkdir -p "$dir"
	cat >"$dir/config" <<-EOF
		poll_method epoll
		sip_listen 127.0.0.1:$port
		module_path $BARESIP_MODULES
		module g711.so
		module_tmp account.so
		module_app contact.so
		module_app presence.so
		module_app menu.so
		module cons.so
		cons_listen 127.0.0.1:$((port + 5))
	EOF
	# The server is the outbound proxy, so requests for example.com reach it without DNS.
	[[ -z "$password" ]] || auth=";auth_pass=$password"
	echo "<sip:$user@$DOMAIN;transport=$transport>$auth;outbound=\"sip:127.0.0.1:$SIP_PORT;transport=$transport\";regint=600;pubint=$PUBLISH_EXPIRES_S;answermode=manual" >"$dir/accounts"
	echo "\"$peer\" <sip:$peer@$DOMAIN>;presence=p2p" >"$dir/contacts"
	HOME=$dir "$BARESIP" -s -f "$dir" </dev/null >"$dir/baresip.log" 2>&1 &
	BARESIP_PID[$ua]=$(started)
	BARESIP_DIR[$ua]=$dir
	BARESIP_CONS[$ua]=$((port + 5))
}

# baresip_sees UA PEER_AOR -> prints the peer's status as the UA shows it: online, offline,
# unknown, busy; nothing if the console did not answer
baresip_sees() {
	local fd line
	{ exec {fd}<>"/dev/tcp/127.0.0.1/${BARESIP_CONS[$1]}"; } 2>/dev/null || return 0 # not listening yet
	printf '/contacts\n' >&"$fd"
	while IFS= read -r -t 2 line <&"$fd"; do
		line=$(sed -e 's/\x1b\[[0-9;]*m//g' <<<"$line")
		if [[ "$line" == *"<$2>"* ]]; then
			grep -o -i -E -m 1 '\b(online|offline|unknown|busy)\b' <<<"$line" | tr '[:upper:]' '[:lower:]'
			break
		fi
	done
	exec {fd}>&-
}

# baresip_quit UA SECONDS -> SIGTERM and wait for it to leave by itself; 1 if it had to be killed
baresip_quit() {
	local id=${BARESIP_PID[$1]}
	signal "$id" TERM
	if wait_gone "$id" "$2"; then
		return 0
	fi
	stop_pid "$id" 1
	return 1
}

baresip_kill() { stop_pid "${BARESIP_PID[$1]}" 5; }

# baresip_trace UA -> the UA's SIP messages to and from the server (see trace_* in common.sh).
# -s prints each message after a line "UDP|TCP FROM -> TO".
baresip_trace() {
	awk -v server="127.0.0.1:$SIP_PORT" '
		{ gsub(/\r|\x1b\[[0-9;]*m/, "") }
		/^(UDP|TCP|TLS) [^ ]+ -> [^ ]+$/ { print ($2 == server ? "@@ IN" : $4 == server ? "@@ OUT" : "@@ -"); next }
		{ print }
	' "${BARESIP_DIR[$1]}/baresip.log"
}

baresip_log() { echo "${BARESIP_DIR[$1]}/baresip.log"; }
