/**
 * Parts of the SIP Servlets container itself, not of the application: classes the container's
 * class loader must see, so they are left out of the WAR and shipped in the standalone jar and in
 * the assembled Tomcat's {@code lib/presence-agent-tomcat-support.jar}. Only what makes Restcomm
 * SIP Servlets 3.2 (built against Tomcat 7.0.64) run on the Tomcat 7 release we use belongs here;
 * nothing in the application depends on it.
 */
package org.presenceagent.container;
