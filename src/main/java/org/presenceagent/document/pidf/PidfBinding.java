package org.presenceagent.document.pidf;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.nio.charset.StandardCharsets;

/**
 * The one {@link JAXBContext} for the PIDF classes. Creating a context is expensive and the
 * context is thread-safe, so it is built once; marshallers and unmarshallers are not thread-safe,
 * so every call gets new ones.
 */
public final class PidfBinding {

  private static final JAXBContext CONTEXT = createContext();

  private PidfBinding() {}

  /**
   * An unmarshaller that stops at the first error. JAXB's default carries on past some errors
   * (e.g. a priority that is not a number) and leaves the field null, which would let malformed
   * documents through.
   */
  public static Unmarshaller newUnmarshaller() throws JAXBException {
    Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
    unmarshaller.setEventHandler(event -> event.getSeverity() == ValidationEvent.WARNING);
    return unmarshaller;
  }

  /**
   * A marshaller writing UTF-8 with an XML declaration and no indentation (NOTIFY bodies often
   * travel over UDP, where every byte counts).
   */
  public static Marshaller newMarshaller() throws JAXBException {
    Marshaller marshaller = CONTEXT.createMarshaller();
    marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
    marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.FALSE);
    marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.FALSE);
    return marshaller;
  }

  private static JAXBContext createContext() {
    try {
      return JAXBContext.newInstance(Presence.class);
    } catch (JAXBException e) {
      // Only a broken build (missing runtime, bad annotations) gets here: fail loudly at startup.
      throw new IllegalStateException("cannot create the PIDF JAXB context", e);
    }
  }
}
