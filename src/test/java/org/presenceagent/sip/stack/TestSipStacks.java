package org.presenceagent.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import java.util.Properties;
import javax.sip.PeerUnavailableException;

/** A real JAIN-SIP stack for tests of what runs inside it: no listening point, stop it when done. */
public final class TestSipStacks {

  private TestSipStacks() {}

  public static SipStackImpl newStack(String purpose) {
    Properties properties = new Properties();
    properties.setProperty("javax.sip.STACK_NAME", purpose + "-" + System.nanoTime());
    try {
      return new SipStackImpl(properties);
    } catch (PeerUnavailableException e) {
      throw new IllegalStateException(e);
    }
  }
}
