/**
 * Use cases: one public method per protocol step (subscribe, publish, notify, expire), each
 * running under the presentity's lock and writing its change through before it answers. Use cases
 * take command records and talk to the outside through the ports in
 * {@link org.presenceagent.application.port}; they never see a {@code SipServletRequest}.
 */
package org.presenceagent.application;
