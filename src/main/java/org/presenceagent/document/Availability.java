package org.presenceagent.document;

import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.presenceagent.document.datamodel.Device;
import org.presenceagent.document.datamodel.Person;
import org.presenceagent.document.pidf.Tuple;
import org.presenceagent.document.rpid.Activities;
import org.presenceagent.document.rpid.UserInput;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the old formats can say about a tuple: the few states XPIDF's {@code <status>} and
 * Windows Messenger's {@code <msnsubstatus>} know, and the open/closed of LPIDF. Derived from the
 * PIDF {@code <basic>} (RFC 3863 section 4.1.4), RPID activities and user input (RFC 4480 section
 * 3.2 and 3.7, in the tuple's status, the tuple, or the presentity's person element, RFC 4479
 * section 3.1) and the pre-RPID {@code <im:im>} status (draft-ietf-simple-rpid-00, sent by
 * early clients). The table is in {@code docs/document-formats.md}.
 *
 * <p>The RFC namespaces are read through the classes generated from {@code src/main/xsd}
 * ({@code document.datamodel}, {@code document.rpid}); the draft RPID namespaces and {@code <im:im>},
 * which have no schema there, from the DOM.
 */
enum Availability {
  OFFLINE,
  ONLINE,
  AWAY,
  BE_RIGHT_BACK,
  OUT_TO_LUNCH,
  BUSY,
  ON_THE_PHONE;

  static final String RPID_NAMESPACE = "urn:ietf:params:xml:ns:pidf:rpid";
  /**
   * RFC 4480 and the namespaces of its drafts still sent by older software: Asterisk's
   * {@code chan_sip}/{@code res_pjsip} "eyeBeam" person ({@code rpid-person}, {@code rpid-status}).
   */
  static final List<String> RPID_NAMESPACES = List.of(
      RPID_NAMESPACE,
      "urn:ietf:params:xml:ns:pidf:status:rpid",
      "urn:ietf:params:xml:ns:pidf:rpid:rpid-person",
      "urn:ietf:params:xml:ns:pidf:rpid:status:rpid-status");
  static final String IM_NAMESPACE = "urn:ietf:params:xml:ns:pidf:im";
  static final String DATA_MODEL_NAMESPACE = "urn:ietf:params:xml:ns:pidf:data-model";

  private static final Set<String> PHONE = Set.of("on-the-phone");
  private static final Set<String> BUSY_ACTIVITIES =
      Set.of("busy", "meeting", "appointment", "performance", "presentation", "worship");
  private static final Set<String> MEALS = Set.of("meal", "breakfast", "lunch", "dinner");
  private static final Set<String> ABSENT = Set.of(
      "away", "vacation", "holiday", "sleeping", "travel", "in-transit", "permanent-absence", "shopping");

  /**
   * @param tuple the tuple to describe
   * @param personLevel the document's root extension elements (person, device, RPID of old drafts)
   */
  static Availability of(Tuple tuple, List<Element> personLevel) {
    String basic = tuple.getStatus() == null ? null : tuple.getStatus().getBasic();
    // No basic means "not stated": the old formats have no such value, and closed is the safe one.
    if (basic == null || !Pidf.OPEN.equals(basic.trim())) {
      return OFFLINE;
    }
    Availability stated = fromElements(tuple.getStatus().getExtensions());
    if (stated == ONLINE) {
      stated = fromElements(tuple.getExtensions());
    }
    if (stated == ONLINE) {
      stated = fromElements(personLevel);
    }
    return stated;
  }

  private static Availability fromElements(List<Element> elements) {
    Availability result = ONLINE;
    for (Element element : elements) {
      Statements rpid = new Statements();
      collect(element, rpid);
      result = stronger(result, rpid.activities);
      result = stronger(result, fromIm(element));
      if (result == ONLINE && rpid.idle) {
        result = AWAY;
      }
    }
    return result;
  }

  /**
   * What {@code element} and everything in it says in RPID. The RFC 4479 and RFC 4480 elements are
   * read through their generated classes; anything else (a vendor wrapper, the draft namespaces,
   * which have no schema) is searched for RPID elements below it, as clients nest them freely.
   */
  private static void collect(Element element, Statements found) {
    String namespace = element.getNamespaceURI();
    String name = element.getLocalName();
    if (DATA_MODEL_NAMESPACE.equals(namespace) && "person".equals(name)) {
      for (Element extension : XmlBinding.readExtension(element, Person.class).getExtensions()) {
        collect(extension, found);
      }
    } else if (DATA_MODEL_NAMESPACE.equals(namespace) && "device".equals(name)) {
      for (Element extension : XmlBinding.readExtension(element, Device.class).getExtensions()) {
        collect(extension, found);
      }
    } else if (RPID_NAMESPACE.equals(namespace) && "activities".equals(name)) {
      collect(XmlBinding.readExtension(element, Activities.class), found);
    } else if (RPID_NAMESPACE.equals(namespace) && "user-input".equals(name)) {
      found.idle |= isIdle(XmlBinding.readExtension(element, UserInput.class).getValue());
    } else {
      for (String rpid : RPID_NAMESPACES) {
        for (Element activities : descendantsOrSelf(element, rpid, "activities")) {
          if (RPID_NAMESPACE.equals(rpid)) {
            collect(activities, found);
          } else {
            collectDraftActivities(activities, found);
          }
        }
        for (Element input : descendantsOrSelf(element, rpid, "user-input")) {
          found.idle |= RPID_NAMESPACE.equals(rpid)
              ? isIdle(XmlBinding.readExtension(input, UserInput.class).getValue())
              : isIdle(input.getTextContent());
        }
      }
    }
  }

  private static void collect(Activities activities, Statements found) {
    // <note> and <unknown> have properties of their own: they say nothing about availability.
    for (Object activity : activities.getActivities()) {
      if (activity instanceof JAXBElement<?> known) {
        found.add(ofActivity(known.getName().getLocalPart()));
      } else if (activity instanceof Element extension) {
        // An activity of another namespace counts by its name (RPID lets vendors add activities).
        found.add(ofActivity(activityName(extension)));
        collect(extension, found);
      }
    }
  }

  // The draft namespaces have no schema here: their activities are read from the DOM.
  private static void collectDraftActivities(Element activities, Statements found) {
    for (Node child = activities.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element activity) {
        found.add(ofActivity(activityName(activity)));
      }
    }
  }

  private static String activityName(Element activity) {
    // eyeBeam wrote <ep:activity>away</ep:activity> where RFC 4480 has <rpid:away/>.
    return "activity".equals(activity.getLocalName())
        ? activity.getTextContent().trim().toLowerCase(Locale.ROOT)
        : activity.getLocalName();
  }

  private static boolean isIdle(String userInput) {
    return userInput != null && "idle".equals(userInput.trim());
  }

  private static Availability ofActivity(String activity) {
    if (PHONE.contains(activity)) {
      return ON_THE_PHONE;
    }
    if (BUSY_ACTIVITIES.contains(activity)) {
      return BUSY;
    }
    if (MEALS.contains(activity)) {
      return OUT_TO_LUNCH;
    }
    return ABSENT.contains(activity) ? AWAY : ONLINE;
  }

  private static Availability fromIm(Element scope) {
    Availability result = ONLINE;
    for (Element im : descendantsOrSelf(scope, IM_NAMESPACE, "im")) {
      result = stronger(result, switch (im.getTextContent().trim().toLowerCase(Locale.ROOT)) {
        case "away" -> AWAY;
        case "busy" -> BUSY;
        case "berightback" -> BE_RIGHT_BACK;
        case "onthephone" -> ON_THE_PHONE;
        case "outtolunch" -> OUT_TO_LUNCH;
        default -> ONLINE;
      });
    }
    return result;
  }

  // Several statements (a person on the phone in a meeting): the one that keeps callers away most wins.
  private static Availability stronger(Availability a, Availability b) {
    return b.ordinal() > a.ordinal() ? b : a;
  }

  private static List<Element> descendantsOrSelf(Element scope, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    if (namespace.equals(scope.getNamespaceURI()) && localName.equals(scope.getLocalName())) {
      found.add(scope);
    }
    NodeList nodes = scope.getElementsByTagNameNS(namespace, localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  /** What the RPID elements of one extension element say, gathered before they are weighed. */
  private static final class Statements {
    Availability activities = ONLINE;
    boolean idle;

    void add(Availability activity) {
      activities = stronger(activities, activity);
    }
  }
}
