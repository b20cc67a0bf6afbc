package org.presenceagent.document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.document.pidf.Status;
import org.presenceagent.document.pidf.Tuple;
import org.presenceagent.domain.auth.PresenceAttribute;
import org.presenceagent.domain.auth.Transformations;
import org.presenceagent.domain.auth.UserInputLevel;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Applies a watcher's transformations (RFC 5025 section 3.3) to a composed presence model: the
 * result holds only the services (tuples), persons and devices (RFC 4479) that {@code
 * provide-services}, {@code provide-persons} and {@code provide-devices} select, and in them only
 * the attributes granted.
 *
 * <p>What is always kept: the presence {@code entity}, each kept tuple's {@code <basic>} status,
 * {@code <contact>} and {@code <timestamp>} and each kept component's {@code <timestamp>}: they
 * identify and date a component rather than describe the presentity, and RFC 5025 has no
 * permission for them. RPID elements (RFC 4480) and the data model's {@code <deviceID>} and
 * {@code <note>} need their {@code provide-*}; {@code <user-input>} is cut down to the granted
 * level; every other element (another namespace, a vendor extension, an RPID element without
 * permission of its own) needs a {@code provide-unknown-attribute} naming it. {@code
 * provide-all-attributes} keeps all of them.
 *
 * <p>The composed model is never modified: kept tuples are copied and kept persons and devices
 * cloned, since the same model may be shared with the publication it came from.
 */
final class TransformationFilter {

  private static final String RPID = Availability.RPID_NAMESPACE;
  private static final String DATA_MODEL = Availability.DATA_MODEL_NAMESPACE;
  private static final String LAST_INPUT = "last-input";
  private static final String IDLE_THRESHOLD = "idle-threshold";

  private TransformationFilter() {}

  static Presence apply(Presence composed, Transformations view) {
    Presence filtered = PidfModel.presence(composed.getEntity());
    for (Tuple tuple : composed.getTuples()) {
      if (view.services().selects(classes(tuple.getExtensions()), Optional.ofNullable(tuple.getId()), Optional.empty(),
          Optional.ofNullable(tuple.getContact()).map(contact -> contact.getValue().trim()))) {
        filtered.getTuples().add(filter(tuple, view));
      }
    }
    for (Element extension : composed.getExtensions()) {
      component(extension, view).ifPresent(filtered.getExtensions()::add);
    }
    if (view.shows(PresenceAttribute.NOTE)) {
      filtered.getNotes().addAll(composed.getNotes());
    }
    return filtered;
  }

  private static Tuple filter(Tuple tuple, Transformations view) {
    Tuple copy = new Tuple();
    copy.setId(tuple.getId());
    copy.setContact(tuple.getContact());
    copy.setTimestamp(tuple.getTimestamp());
    if (tuple.getStatus() != null) {
      Status status = new Status();
      status.setBasic(tuple.getStatus().getBasic());
      status.getExtensions().addAll(attributes(tuple.getStatus().getExtensions(), view));
      copy.setStatus(status);
    }
    copy.getExtensions().addAll(attributes(tuple.getExtensions(), view));
    if (view.shows(PresenceAttribute.NOTE)) {
      copy.getNotes().addAll(tuple.getNotes());
    }
    return copy;
  }

  /** A person or device that the view selects, with its granted attributes; other root elements are attributes. */
  private static Optional<Element> component(Element element, Transformations view) {
    boolean dataModel = DATA_MODEL.equals(element.getNamespaceURI());
    List<Element> children = children(element);
    Optional<String> id = element.hasAttribute("id") ? Optional.of(element.getAttribute("id")) : Optional.empty();
    if (dataModel && "person".equals(element.getLocalName())) {
      return view.persons().selects(classes(children), id, Optional.empty(), Optional.empty())
          ? Optional.of(withAttributes(element, view)) : Optional.empty();
    }
    if (dataModel && "device".equals(element.getLocalName())) {
      Optional<String> deviceId = children.stream()
          .filter(child -> DATA_MODEL.equals(child.getNamespaceURI()) && "deviceID".equals(child.getLocalName()))
          .map(child -> child.getTextContent().trim()).findFirst();
      return view.devices().selects(classes(children), id, deviceId, Optional.empty())
          ? Optional.of(withAttributes(element, view)) : Optional.empty();
    }
    return attribute(element, view);
  }

  private static Element withAttributes(Element component, Transformations view) {
    Element copy = (Element) component.cloneNode(false);
    for (Element child : children(component)) {
      attribute(child, view).ifPresent(kept -> copy.appendChild(kept.cloneNode(true)));
    }
    return copy;
  }

  private static List<Element> attributes(List<Element> elements, Transformations view) {
    List<Element> kept = new ArrayList<>(elements.size());
    for (Element element : elements) {
      attribute(element, view).ifPresent(kept::add);
    }
    return kept;
  }

  /** The element as the view shows it, or empty when it is not granted. */
  private static Optional<Element> attribute(Element element, Transformations view) {
    String namespace = element.getNamespaceURI();
    String name = element.getLocalName();
    if (DATA_MODEL.equals(namespace) && "timestamp".equals(name)) {
      return Optional.of(element);
    }
    if (RPID.equals(namespace) && "user-input".equals(name)) {
      return userInput(element, view.userInput());
    }
    if (RPID.equals(namespace) || DATA_MODEL.equals(namespace)) {
      for (PresenceAttribute attribute : PresenceAttribute.values()) {
        if (attribute.element().equals(name)) {
          return view.shows(attribute) ? Optional.of(element) : Optional.empty();
        }
      }
    }
    return view.showsUnknown(namespace == null ? "" : namespace, name) ? Optional.of(element) : Optional.empty();
  }

  /** RFC 5025 section 3.3.2: bare-minimum drops the times, thresholds keeps the idle threshold. */
  private static Optional<Element> userInput(Element element, UserInputLevel level) {
    return switch (level) {
      case FALSE -> Optional.empty();
      case FULL -> Optional.of(element);
      case THRESHOLDS -> Optional.of(without(element, LAST_INPUT));
      case BARE_MINIMUM -> Optional.of(without(element, LAST_INPUT, IDLE_THRESHOLD));
    };
  }

  private static Element without(Element element, String... attributes) {
    Element copy = (Element) element.cloneNode(true);
    for (String attribute : attributes) {
      copy.removeAttribute(attribute);
    }
    return copy;
  }

  /** The values of the RPID {@code <class>} elements among a component's children (RFC 4480 section 3.1). */
  private static Set<String> classes(List<Element> children) {
    Set<String> classes = new HashSet<>();
    for (Element child : children) {
      if (RPID.equals(child.getNamespaceURI()) && "class".equals(child.getLocalName())) {
        classes.add(child.getTextContent().trim());
      }
    }
    return classes;
  }

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        children.add(childElement);
      }
    }
    return children;
  }
}
