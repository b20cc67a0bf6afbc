#!/usr/bin/env bash
# check-metrics.sh - after the SIPp scenarios: the server's /metrics must show the SIP traffic.
#
# Usage: src/test/sipp/check-metrics.sh HOST:HTTPPORT
#
# GETs http://HOST:HTTPPORT/metrics (Prometheus text format), prints the SIP request counters and
# fails unless SUBSCRIBE, PUBLISH and OPTIONS were each counted at least once with a 2xx answer and
# a presence_subscriptions gauge is present. Exit status: 0 ok, 1 check failed, 2 usage/unreachable.
set -uo pipefail

[[ $# -eq 1 && "$1" == *:* ]] || { echo "usage: $0 HOST:HTTPPORT" >&2; exit 2; }
URL="http://$1/metrics"

if ! METRICS=$(curl -fsS --max-time 10 "$URL"); then
	echo "check-metrics: cannot GET $URL" >&2
	exit 2
fi

echo "$METRICS" | grep '^presence_sip_requests_total' || true

# sample METRIC_WITH_LABELS -> its value, or 0 when the series is absent
sample() {
	echo "$METRICS" | awk -v series="$1" '$1 == series { print $2; found = 1 } END { if (!found) print 0 }'
}

rc=0
for method in SUBSCRIBE PUBLISH OPTIONS; do
	value=$(sample "presence_sip_requests_total{class=\"2xx\",method=\"$method\"}")
	if awk -v v="$value" 'BEGIN { exit !(v > 0) }'; then
		echo "PASS $method 2xx counted: $value"
	else
		echo "FAIL no $method answered 2xx in $URL"
		rc=1
	fi
done
if ! echo "$METRICS" | grep -q '^presence_subscriptions{'; then
	echo "FAIL no presence_subscriptions gauge in $URL"
	rc=1
fi
exit $rc
