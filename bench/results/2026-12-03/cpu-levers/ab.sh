#!/usr/bin/env bash
# A/B of JVM options on one jar: CPU per SUBSCRIBE dialog at 500/s after a 40,000-dialog warm-up
BASE="-Xms1g -Xmx1g -XX:MaxGCPauseMillis=10 -XX:MaxTenuringThreshold=0"
for v in ${VARIANTS:-N A N A}; do
  jar=/tmp/benchjar/presence-agent.jar
  case $v in L) extra=""; jar=/tmp/benchjar/presence-agent-linger5.jar;; N) extra="";; A) extra="-Dgov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY=Aggressive";; *) extra="${!v}";; esac
  echo "== variant $v ($extra)"
  JAR=$jar JVM_OPTS="$BASE $extra" RATES=${RATES:-500} WARM=${WARM:-40000} OUT=/tmp/ovx/ab-$v /tmp/ovx/threads.sh 2>&1 | grep -E "^rate|^units|DefaultSipTimer|presence-agent-|presence-worker"
  grep -a -E "Successful call|Failed call" /tmp/ovx/ab-$v/r*/sipp.out | tail -2
done
