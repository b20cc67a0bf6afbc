package org.presenceagent.document;

import jakarta.xml.bind.JAXBElement;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.presenceagent.application.port.InvalidDocumentException;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.document.pidf.Status;
import org.presenceagent.document.pidf.Tuple;
import org.w3c.dom.Element;

/**
 * The RFC 3863 rules JAXB does not check by itself and that no repair can satisfy: the root
 * element, the required entity (section 4.1.1), the required, unique tuple ids (section 4.1.2),
 * the required status (section 4.1.3) and mustUnderstand extensions (section 5). A document that
 * fails one of them is not recognisably a usable PIDF document, so it is refused: each failure is
 * an {@link InvalidDocumentException} whose message can be sent as a SIP reason phrase. Wrong
 * optional values ({@code <basic>}, priority, timestamp) and ids that are not XML names are
 * {@link PidfRepairs}' business.
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
    checkExtensions(status.getExtensions());
    checkExtensions(tuple.getExtensions());
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
