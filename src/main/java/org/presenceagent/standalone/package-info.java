/**
 * The standalone server: a command line that boots the embedded Restcomm SIP Servlets container
 * (Tomcat 7 flavour, JAIN-SIP) in this JVM, deploys the Presence Agent application into it and
 * listens on SIP UDP and TCP plus HTTP. Not part of the WAR: a container that deploys the WAR
 * brings its own.
 */
package org.presenceagent.standalone;
