/**
 * Use cases: one public method per protocol step (subscribe, publish, notify, expire), each a step
 * in its presentity's turn ({@link org.presenceagent.application.PresentitySequencer}) that checks
 * the request against the stored state, builds the new immutable values, stores them in one
 * {@link org.presenceagent.domain.shared.UnitOfWork} and answers once it committed. No thread waits
 * for the database or for another request. Use cases take command records and talk to the outside
 * through the ports in {@link org.presenceagent.application.port}; they never see a
 * {@code SipServletRequest}.
 */
package org.presenceagent.application;
