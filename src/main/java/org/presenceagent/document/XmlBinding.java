package org.presenceagent.document;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.nio.charset.StandardCharsets;
import org.presenceagent.document.pidf.ObjectFactory;
import org.presenceagent.document.xpidf.XpidfPresence;
import org.w3c.dom.Element;

/**
 * The JAXB contexts of the project, each created once: creating a context is expensive and a
 * context is thread-safe; marshallers and unmarshallers are not thread-safe, so every call gets
 * new ones.
 *
 * <p>Two contexts rather than one: XPIDF elements have no namespace, and a context that knows
 * no-namespace elements never makes another namespace the default one, so PIDF would come out as
 * {@code <ns2:presence>} instead of the {@code <presence xmlns="urn:ietf:params:xml:ns:pidf">}
 * of every RFC 3863 example, which naive clients expect.
 *
 * <p>A third context knows the PIDF extensions we read (RFC 4479 data model, RFC 4480 RPID,
 * RFC 4482 CIPID). It is kept apart from the PIDF one because it is only used to read extension
 * elements that are already DOM; a PIDF context that also knew these namespaces would declare
 * them (as {@code ns2}, {@code ns3}, ...) on the root of every document it writes.
 */
final class XmlBinding {

  // The ObjectFactory, not Presence: the generated presence element is declared there.
  private static final JAXBContext PIDF = createContext(ObjectFactory.class);
  private static final JAXBContext XPIDF = createContext(XpidfPresence.class);
  private static final JAXBContext EXTENSIONS = createContext(
      org.presenceagent.document.datamodel.ObjectFactory.class,
      org.presenceagent.document.rpid.ObjectFactory.class,
      org.presenceagent.document.cipid.ObjectFactory.class);

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
   * The typed view of one extension element of a parsed document (e.g. a {@code <dm:person>}
   * read as a {@code datamodel.Person}). The element itself is unchanged: it is what gets written
   * back. Lenient where the PIDF unmarshaller is strict: these elements were accepted with the
   * document, and a value we cannot type (a malformed {@code until}) must not hide the rest, so
   * such a value is left null.
   *
   * @throws IllegalArgumentException if the element cannot be read as {@code type} at all
   */
  static <T> T readExtension(Element element, Class<T> type) {
    try {
      Unmarshaller unmarshaller = EXTENSIONS.createUnmarshaller();
      unmarshaller.setEventHandler(event -> true);
      return unmarshaller.unmarshal(element, type).getValue();
    } catch (JAXBException e) {
      throw new IllegalArgumentException("cannot read {" + element.getNamespaceURI() + "}"
          + element.getLocalName() + " as " + type.getSimpleName(), e);
    }
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

  private static JAXBContext createContext(Class<?>... roots) {
    try {
      return JAXBContext.newInstance(roots);
    } catch (JAXBException e) {
      // Only a broken build (missing runtime, bad annotations) gets here: fail loudly at startup.
      throw new IllegalStateException("cannot create the JAXB context", e);
    }
  }
}
