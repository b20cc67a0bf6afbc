package org.presenceagent.document;

import jakarta.xml.bind.JAXBElement;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.namespace.QName;
import org.presenceagent.application.port.InvalidDocumentException;
import org.presenceagent.document.pidf.Contact;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.document.pidf.Status;
import org.presenceagent.document.pidf.Tuple;
import org.w3c.dom.Element;

/**
 * The RFC 3863 rules JAXB does not check by itself: the root element, the required entity and
 * tuple ids (section 4.1.1, 4.1.2), the basic values (section 4.1.4), contact priorities (section
 * 4.1.5), timestamps (section 4.1.7) and mustUnderstand extensions (section 5). Each failure is an
 * {@link InvalidDocumentException} whose message can be sent as a SIP reason phrase.
 */
final class PidfValidator {

  private static final int MAX_ECHOED_LENGTH = 80;

  private final Set<QName> understoodExtensions;

  /** @param understoodExtensions extension elements whose meaning we implement */
  PidfValidator(Set<QName> understoodExtensions) {
    this.understoodExtensions = Set.copyOf(understoodExtensions);
  }

  Presence validate(JAXBElement<Presence> root) {
    if (!Pidf.PRESENCE.equals(root.getName())) {
      throw invalid("root element " + echo(root.getName().toString()) + " is not " + Pidf.PRESENCE);
    }
    Presence presence = root.getValue();
    checkEntity(presence.getEntity());
    Set<String> ids = new HashSet<>();
    for (Tuple tuple : presence.getTuples()) {
      checkTuple(tuple, ids);
    }
    checkExtensions(presence.getExtensions());
    return presence;
  }

  private static void checkEntity(String entity) {
    if (entity == null || entity.isBlank()) {
      throw invalid("presence without entity");
    }
    try {
      if (!new URI(entity.trim()).isAbsolute()) {
        throw invalid("entity is not an absolute URI");
      }
    } catch (URISyntaxException e) {
      throw new InvalidDocumentException("Invalid PIDF: entity is not a URI", e);
    }
  }

  private void checkTuple(Tuple tuple, Set<String> ids) {
    String id = tuple.getId();
    if (id == null || id.isBlank()) {
      throw invalid("tuple without id");
    }
    if (!ids.add(id)) {
      throw invalid("duplicate tuple id " + echo(id));
    }
    Status status = tuple.getStatus();
    if (status == null) {
      throw invalid("tuple " + echo(id) + " without status");
    }
    checkBasic(status.getBasic());
    checkExtensions(status.getExtensions());
    checkExtensions(tuple.getExtensions());
    checkPriority(tuple.getContact());
    checkTimestamp(tuple.getTimestamp());
  }

  // Trimmed although the schema type is xs:string: a pretty-printed <basic> is still meant as open.
  private static void checkBasic(String basic) {
    if (basic != null && !Pidf.OPEN.equals(basic.trim()) && !Pidf.CLOSED.equals(basic.trim())) {
      throw invalid("basic must be open or closed");
    }
  }

  private static void checkPriority(Contact contact) {
    String text = contact == null ? null : contact.getPriority();
    if (text == null) {
      return;
    }
    BigDecimal priority;
    try {
      priority = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new InvalidDocumentException("Invalid PIDF: contact priority must be a number between 0 and 1", e);
    }
    if (priority.signum() < 0 || priority.compareTo(BigDecimal.ONE) > 0) {
      throw invalid("contact priority must be a number between 0 and 1");
    }
  }

  private static void checkTimestamp(String timestamp) {
    if (timestamp == null) {
      return;
    }
    try {
      QName type = DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(timestamp.trim()).getXMLSchemaType();
      if (DatatypeConstants.DATETIME.equals(type)) {
        return;
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidDocumentException("Invalid PIDF: timestamp is not a date and time", e);
    }
    throw invalid("timestamp is not a date and time");
  }

  /** RFC 3863 section 5: an extension we do not implement but must understand makes the document unusable. */
  private void checkExtensions(List<Element> extensions) {
    for (Element extension : extensions) {
      QName name = new QName(extension.getNamespaceURI(), extension.getLocalName());
      if (mustBeUnderstood(extension) && !understoodExtensions.contains(name)) {
        throw invalid("mustUnderstand extension " + echo(name.toString()) + " not supported");
      }
    }
  }

  // xs:boolean: "true" or "1", surrounding whitespace allowed.
  private static boolean mustBeUnderstood(Element extension) {
    String value = extension.getAttributeNS(Pidf.NAMESPACE, Pidf.MUST_UNDERSTAND).trim();
    return value.equals("true") || value.equals("1");
  }

  /** Publisher-supplied text put in a reason phrase: bounded and without control characters. */
  private static String echo(String text) {
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= MAX_ECHOED_LENGTH ? clean : clean.substring(0, MAX_ECHOED_LENGTH) + "...";
  }

  private static InvalidDocumentException invalid(String problem) {
    return new InvalidDocumentException("Invalid PIDF: " + problem);
  }
}
