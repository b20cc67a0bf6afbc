#!/usr/bin/env bash
# Attaches async-profiler to a running JVM for SECONDS and writes collapsed stacks (one line per
# stack, "frame;frame;... count"), which owners.py summarises by owner (ours, JAIN-SIP, container,
# H2, JDK, GC/JIT).
#
#   bench/profile/profile.sh PID OUT.collapsed SECONDS [cpu|alloc|wall]
#
# async-profiler comes from Maven Central (tools.profiler:async-profiler:4.1, its linux-x64 native
# library); ASPROF_LIB points at libasyncProfiler.so, fetched into target/async-profiler otherwise.
# Loaded through jcmd JVMTI.agent_load, so the server needs no start option.
set -euo pipefail
PID=$1 OUT=$2 SECS=$3 EVENT=${4:-cpu}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LIB=${ASPROF_LIB:-$ROOT/target/async-profiler/linux-x64/libasyncProfiler.so}
if [[ ! -f "$LIB" ]]; then
  (cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.1 \
    -DoutputDirectory=target/async-profiler >/dev/null)
  (cd "$ROOT/target/async-profiler" && unzip -q -o async-profiler-4.1.jar 'linux-x64/*')
fi
[[ -f "$LIB" ]] || { echo "no libasyncProfiler.so at $LIB" >&2; exit 2; }
# The quotes are part of the argument: jcmd passes the options string to the agent as one word.
jcmd "$PID" JVMTI.agent_load "$LIB" "\"start,event=$EVENT,interval=1ms,threads\"" >/dev/null
sleep "$SECS"
jcmd "$PID" JVMTI.agent_load "$LIB" "\"stop,file=$(realpath -m "$OUT"),collapsed\"" >/dev/null
echo "$OUT"
