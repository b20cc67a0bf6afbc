package org.presenceagent.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import javax.servlet.sip.Address;
import javax.servlet.sip.SipApplicationSession;
import org.junit.jupiter.api.Test;
import org.mobicents.servlet.sip.message.SipFactoryFacade;
import org.mobicents.servlet.sip.message.SipFactoryImpl;

/**
 * Restored dialogs rely on two container internals; this fails loudly when an upgrade of the
 * Restcomm container removes either.
 */
class RestoredDialogRequestsTest {

  @Test
  void theFacadeStillHoldsTheImplementationInTheExpectedField() throws Exception {
    Field field = SipFactoryFacade.class.getDeclaredField("sipFactoryImpl");
    assertThat(field.getType()).isEqualTo(SipFactoryImpl.class);
  }

  @Test
  void theImplementationStillCreatesRequestsWithAGivenCallIdAndFromTag() throws Exception {
    assertThat(SipFactoryImpl.class.getMethod("createRequest", SipApplicationSession.class, String.class,
        Address.class, Address.class, String.class, String.class, String.class)).isNotNull();
  }
}
