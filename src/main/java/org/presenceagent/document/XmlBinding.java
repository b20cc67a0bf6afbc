package org.presenceagent.document;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.nio.charset.StandardCharsets;
import org.presenceagent.document.pidf.ObjectFactory;
import org.presenceagent.document.xpidf.XpidfPresence;

/**
 * The JAXB contexts of the project, each created once: creating a context is expensive and a
 * context is thread-safe; marshallers and unmarshallers are not thread-safe, so every call gets
 * new ones.
 *
 * <p>Two contexts rather than one: XPIDF elements have no namespace, and a context that knows
 * no-namespace elements never makes another namespace the default one, so PIDF would come out as
 * {@code <ns2:presence>} instead of the {@code <presence xmlns="urn:ietf:params:xml:ns:pidf">}
 * of every RFC 3863 example, which naive clients expect.
 */
final class XmlBinding {

  // The ObjectFactory, not Presence: the generated presence element is declared there.
  private static final JAXBContext PIDF = createContext(ObjectFactory.class);
  private static final JAXBContext XPIDF = createContext(XpidfPresence.class);

  private XmlBinding() {}

  /**
   * A PIDF unmarshaller that stops at the first error. JAXB's default carries on past some errors
   * (e.g. a priority that is not a number) and leaves the field null, which would let malformed
   * documents through.
   */
  static Unmarshaller newUnmarshaller() throws JAXBException {
    Unmarshaller unmarshaller = PIDF.createUnmarshaller();
    unmarshaller.setEventHandler(event -> event.getSeverity() == ValidationEvent.WARNING);
    return unmarshaller;
  }

  /**
   * A marshaller for {@code root}, writing UTF-8 with an XML declaration and no indentation (NOTIFY bodies often
   * travel over UDP, where every byte counts).
   */
  static Marshaller newMarshaller(Object root) throws JAXBException {
    Marshaller marshaller = (root instanceof XpidfPresence ? XPIDF : PIDF).createMarshaller();
    marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
    marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.FALSE);
    marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.FALSE);
    return marshaller;
  }

  private static JAXBContext createContext(Class<?> root) {
    try {
      return JAXBContext.newInstance(root);
    } catch (JAXBException e) {
      // Only a broken build (missing runtime, bad annotations) gets here: fail loudly at startup.
      throw new IllegalStateException("cannot create the JAXB context", e);
    }
  }
}
