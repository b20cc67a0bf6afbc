# linphone.sh - driver for linphonec (Debian package linphone-cli, 5.1), sourced by run-interop.sh.
#
# Each user agent runs `linphonec -c DIR/linphonerc` with HOME=DIR/home, so its configuration,
# database and caches are its own. linphonec reads commands with readline, which only runs the
# SIP stack while it waits on a terminal, and its --pipe mode shares one socket path in /tmp
# between all instances and hangs on quit; so it runs under script(1), which gives it a pseudo
# terminal, and its commands come from a FIFO that the harness keeps open. What the UA sees is
# the last "Friend <uri> is <status>" line it printed; -d 6 puts every SIP message in its log.
# The `quit` command makes it leave gracefully: un-PUBLISH, un-SUBSCRIBE, un-REGISTER, exit.
#
# Ports used per user agent: PORT (SIP, one transport) and PORT+2..PORT+5 (RTP, never used here).

LINPHONEC=${LINPHONEC:-linphonec}
declare -A LINPHONE_PID LINPHONE_DIR LINPHONE_FD

linphone_available() { command -v "$LINPHONEC" >/dev/null 2>&1 && command -v script >/dev/null 2>&1; }
linphone_install_hint() { echo "apt-get install linphone-cli; script(1) is in bsdutils"; }

linphone_ports() { echo "$1 $(($1 + 2)) $(($1 + 3)) $(($1 + 4)) $(($1 + 5))"; }

# linphone_start UA USER PEER TRANSPORT PORT DIR [PASSWORD]: with a password, an auth_info section
# answers digest challenges of the realm $DOMAIN
linphone_start() {
	local ua=$1 user=$2 peer=$3 transport=$4 port=$5 dir=$6 password=${7:-} udp=-1 tcp=-1 fd
	if [[ "$transport" == tcp ]]; then tcp=$port; else udp=$port; fi
	mkdir -p "$dir/home/.local/share/linphone"
	# reg_route makes the server the outbound proxy of every request, as for baresip.
	cat >"$dir/linphonerc" <<-EOF
		[sip]
		sip_port=$udp
		sip_tcp_port=$tcp
		sip_tls_port=-1
		bind_address=127.0.0.1
		ipv6_enabled=0
		default_proxy=0
		register_only_when_network_is_up=0

		[rtp]
		audio_rtp_port=$((port + 2))
		video_rtp_port=$((port + 4))

		[proxy_0]
		reg_proxy=<sip:127.0.0.1:$SIP_PORT;transport=$transport>
		reg_route=<sip:127.0.0.1:$SIP_PORT;transport=$transport;lr>
		reg_identity=sip:$user@$DOMAIN
		reg_expires=600
		reg_sendregister=1
		publish=1
		publish_expires=600

		[friend_0]
		url=sip:$peer@$DOMAIN
		pol=accept
		subscribe=1
	EOF
	if [[ -n "$password" ]]; then
		cat >>"$dir/linphonerc" <<-EOF

			[auth_info_0]
			username=$user
			passwd=$password
			realm=$DOMAIN
			domain=$DOMAIN
		EOF
	fi
	rm -f "$dir/stdin"
	mkfifo "$dir/stdin"
	HOME="$dir/home" script -q -f -e -c "$LINPHONEC -c '$dir/linphonerc' -d 6 -l '$dir/linphonec.log'" \
		"$dir/console.txt" <"$dir/stdin" >/dev/null 2>&1 &
	LINPHONE_PID[$ua]=$(started)
	exec {fd}>"$dir/stdin" # opening the FIFO lets script start; kept open until the UA quits
	LINPHONE_FD[$ua]=$fd
	LINPHONE_DIR[$ua]=$dir
}

# linphone_sees UA PEER_AOR -> prints the peer's status as the UA last reported it (online,
# offline, or linphone's wording of another status in lower case); nothing before the first report
linphone_sees() {
	tr -d '\r' <"${LINPHONE_DIR[$1]}/console.txt" 2>/dev/null \
		| grep -o -E "Friend .*<$2> is [A-Za-z ]+" | tail -n 1 | sed -e 's/.* is //' | tr '[:upper:]' '[:lower:]'
}

# linphone_quit UA SECONDS -> the quit command, then wait for script and linphonec to end; 1 if
# they had to be killed
linphone_quit() {
	local ua=$1 id=${LINPHONE_PID[$1]}
	echo quit >&"${LINPHONE_FD[$ua]}" 2>/dev/null || true
	if wait_gone "$id" "$2"; then
		linphone_close_stdin "$ua"
		return 0
	fi
	linphone_kill "$ua"
	return 1
}

# linphone_kill UA -> linphonec (script's child, in a session of its own on the pseudo terminal),
# then script
linphone_kill() {
	local id=${LINPHONE_PID[$1]} child
	for child in $(children "$id"); do
		stop_pid "$child" 5
	done
	stop_pid "$id" 5
	linphone_close_stdin "$1"
}

linphone_close_stdin() {
	local fd=${LINPHONE_FD[$1]:-}
	[[ -z "$fd" ]] || exec {fd}>&-
	LINPHONE_FD[$1]=""
}

# linphone_trace UA -> the UA's SIP messages to and from the server (see trace_* in common.sh).
# belle-sip logs "message sent to [UDP://HOST:PORT]" or "received [N] new bytes from [...]:" before
# each message, and the message ends at the next log line (they all start with the date).
linphone_trace() {
	awk -v server="//127.0.0.1:$SIP_PORT]" '
		{ sub(/\r$/, "") }
		/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / {
			if ($0 ~ /message sent to \[/) print (index($0, server) ? "@@ OUT" : "@@ -")
			else if ($0 ~ /received \[[0-9]+\] new bytes from \[/) print (index($0, server) ? "@@ IN" : "@@ -")
			else print "@@ -"
			next
		}
		{ print }
	' "${LINPHONE_DIR[$1]}/linphonec.log"
}

linphone_log() { echo "${LINPHONE_DIR[$1]}/linphonec.log"; }
