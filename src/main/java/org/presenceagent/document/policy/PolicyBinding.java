package org.presenceagent.document.policy;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;

/** The one {@link JAXBContext} for authorization documents (thread-safe, built once). */
public final class PolicyBinding {

  public static final String COMMON_POLICY = "urn:ietf:params:xml:ns:common-policy";
  public static final String PRES_RULES = "urn:ietf:params:xml:ns:pres-rules";
  /** The seed's MESSAGE authorization rules. */
  public static final String IM_RULES = "urn:iptel:xml:ns:im-rules";

  private static final JAXBContext CONTEXT = createContext();

  private PolicyBinding() {}

  /** An unmarshaller that stops at the first error instead of leaving fields null. */
  public static Unmarshaller newUnmarshaller() throws JAXBException {
    Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
    unmarshaller.setEventHandler(event -> event.getSeverity() == ValidationEvent.WARNING);
    return unmarshaller;
  }

  private static JAXBContext createContext() {
    try {
      return JAXBContext.newInstance(Ruleset.class);
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot create the common-policy JAXB context", e);
    }
  }
}
