package org.presenceagent.container;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import org.mobicents.servlet.sip.catalina.SipStandardManager;

/**
 * Restcomm's session manager of converged (SIP and HTTP) contexts, made to work on Tomcat 7.0.68
 * and later. {@link SipStandardManager#setContainer} registers the manager as a property change
 * listener of its context, relying on Tomcat's {@code ManagerBase} being one, as it was up to
 * 7.0.67 (Restcomm 3.2.0-37 was built on 7.0.64). From 7.0.68 on it is not, and the context's start
 * fails with an {@code ArrayStoreException}. Implementing the interface here restores the contract.
 *
 * <p>The listener has nothing left to do: up to 7.0.67 it copied the context's {@code
 * sessionTimeout} into the manager, whereas later managers read the timeout from their context
 * whenever they need it (and ignore {@code setMaxInactiveInterval}).
 *
 * <p>The standalone server sets it on its context; the assembled container names it in {@code
 * conf/context.xml}, so that every SIP application gets it before {@code SipStandardContext} would
 * create the plain one.
 */
public class SipSessionManager extends SipStandardManager implements PropertyChangeListener {

  /**
   * Ignored, as Tomcat 7.0.68 and later ignore it, but without their deprecation warning at every
   * start ({@code SipStandardManager} still calls it): the timeout is the context's.
   */
  @Override
  public void setMaxInactiveInterval(int interval) {
    // the context's session timeout applies
  }

  @Override
  public void propertyChange(PropertyChangeEvent event) {
    // The context's session timeout is read from the context where it is needed (Tomcat >= 7.0.68).
  }
}
