/**
 * Management of the running presence agent, the use case behind both operator front ends (JMX
 * MBeans and the HTTP admin API): what the SER {@code pa} module offered as FIFO/RPC commands
 * ({@code pa.publish}, {@code pa.authorize}, {@code pa.trace}, {@code target_online}) plus
 * listing, terminating subscriptions, running expiry at once and the settings that may change
 * while running ({@link org.presenceagent.application.manage.LiveSettings}). Every change goes
 * through the same presentity turns and units of work as a SIP request's, and waits for it: the
 * management threads may wait, the SIP threads never do.
 */
package org.presenceagent.application.manage;
