#!/bin/sh
# Sourced by catalina.sh: the addresses and ports of this Presence Agent container (used by
# conf/server.xml) and the application router the SIP Servlets container needs.
# Override with environment variables, e.g.  PRESENCE_AGENT_SIP_PORT=5070 bin/catalina.sh run
PRESENCE_AGENT_SIP_ADDRESS=${PRESENCE_AGENT_SIP_ADDRESS:-127.0.0.1}
PRESENCE_AGENT_SIP_PORT=${PRESENCE_AGENT_SIP_PORT:-5060}
PRESENCE_AGENT_HTTP_ADDRESS=${PRESENCE_AGENT_HTTP_ADDRESS:-127.0.0.1}
PRESENCE_AGENT_HTTP_PORT=${PRESENCE_AGENT_HTTP_PORT:-8080}
PRESENCE_AGENT_SHUTDOWN_PORT=${PRESENCE_AGENT_SHUTDOWN_PORT:-8005}

CATALINA_OPTS="$CATALINA_OPTS \
 -Dpresenceagent.sip.address=$PRESENCE_AGENT_SIP_ADDRESS \
 -Dpresenceagent.sip.port=$PRESENCE_AGENT_SIP_PORT \
 -Dpresenceagent.http.address=$PRESENCE_AGENT_HTTP_ADDRESS \
 -Dpresenceagent.http.port=$PRESENCE_AGENT_HTTP_PORT \
 -Dpresenceagent.shutdown.port=$PRESENCE_AGENT_SHUTDOWN_PORT \
 -Dpresenceagent.data_dir=${PRESENCE_AGENT_DATA_DIR:-$CATALINA_BASE/data} \
 -Djavax.servlet.sip.ar.spi.SipApplicationRouterProvider=org.mobicents.servlet.sip.router.DefaultApplicationRouterProvider"

# Garbage collection as for the standalone server (docs/performance.md, "sixth campaign"): what
# survives a young collection here is mostly SIP transactions that live 32 s (RFC 3261 Timer J),
# so they are promoted at once instead of being copied between survivor spaces at every pause.
# The heap size is the operator's (e.g. CATALINA_OPTS="-Xms1g -Xmx1g").
CATALINA_OPTS="$CATALINA_OPTS -XX:MaxGCPauseMillis=10 -XX:MaxTenuringThreshold=0"

# Java 17: catalina.sh of Tomcat 7.0.100 and later already opens the JDK packages that Tomcat's leak
# cleaner needs (JDK_JAVA_OPTIONS --add-opens ...), so a stop is clean without more flags here.
