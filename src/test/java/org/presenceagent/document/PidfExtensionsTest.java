package org.presenceagent.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.xml.bind.JAXBElement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presenceagent.document.cipid.DisplayName;
import org.presenceagent.document.datamodel.Device;
import org.presenceagent.document.datamodel.Person;
import org.presenceagent.document.rpid.Activities;
import org.presenceagent.document.rpid.Mood;
import org.presenceagent.document.rpid.UserInput;
import org.w3c.dom.Element;

/**
 * The extension elements of a parsed PIDF document read through the classes generated from
 * datamodel.xsd, rpid.xsd and cipid.xsd (docs/document-formats.md), as Availability reads them.
 */
class PidfExtensionsTest {

  private final PidfCodec codec = new PidfCodec(new SecureXml());

  @Test
  void anRpidPersonIsReadIntoTheTypedModel() {
    Element element = rootExtensions("<dm:person id='p1'>"
        + "<rpid:activities><rpid:on-the-phone/></rpid:activities>"
        + "<rpid:mood><rpid:happy/></rpid:mood>"
        + "<c:display-name xml:lang='en'>Alice</c:display-name>"
        + "<dm:note>at the desk</dm:note>"
        + "</dm:person>").get(0);

    Person person = XmlBinding.readExtension(element, Person.class);

    assertThat(person.getId()).isEqualTo("p1");
    assertThat(person.getNotes()).singleElement().satisfies(note -> assertThat(note.getValue()).isEqualTo("at the desk"));
    List<Element> extensions = person.getExtensions();
    assertThat(extensions).extracting(Element::getLocalName).containsExactly("activities", "mood", "display-name");

    Activities activities = XmlBinding.readExtension(extensions.get(0), Activities.class);
    assertThat(activities.getActivities()).singleElement()
        .satisfies(activity -> assertThat(nameOf(activity)).isEqualTo("on-the-phone"));
    Mood mood = XmlBinding.readExtension(extensions.get(1), Mood.class);
    assertThat(mood.getMoods()).singleElement().satisfies(feeling -> assertThat(nameOf(feeling)).isEqualTo("happy"));
    DisplayName displayName = XmlBinding.readExtension(extensions.get(2), DisplayName.class);
    assertThat(displayName.getValue()).isEqualTo("Alice");
    assertThat(displayName.getLang()).isEqualTo("en");
  }

  @Test
  void unknownElementsStayDomInsideTheTypedModel() {
    Element element = rootExtensions("<rpid:activities until='not a time'>"
        + "<rpid:busy/><v:coding xmlns:v='urn:example:vendor'><v:language>Java</v:language></v:coding>"
        + "</rpid:activities>").get(0);

    Activities activities = XmlBinding.readExtension(element, Activities.class);

    // A malformed attribute is left out rather than hiding the activities.
    assertThat(activities.getUntil()).isNull();
    assertThat(activities.getActivities()).hasSize(2);
    assertThat(nameOf(activities.getActivities().get(0))).isEqualTo("busy");
    assertThat(activities.getActivities().get(1)).isInstanceOfSatisfying(Element.class, vendor -> {
      assertThat(vendor.getNamespaceURI()).isEqualTo("urn:example:vendor");
      assertThat(vendor.getTextContent()).isEqualTo("Java");
    });
  }

  @Test
  void aDeviceAndUserInputAreTyped() {
    Element element = rootExtensions("<dm:device id='d1'><rpid:user-input idle-threshold='600'>idle</rpid:user-input>"
        + "<dm:deviceID>urn:device:0003ba4811e3</dm:deviceID></dm:device>").get(0);

    Device device = XmlBinding.readExtension(element, Device.class);

    assertThat(device.getDeviceID()).isEqualTo("urn:device:0003ba4811e3");
    UserInput input = XmlBinding.readExtension(device.getExtensions().get(0), UserInput.class);
    assertThat(input.getValue()).isEqualTo("idle");
    assertThat(input.getIdleThreshold()).isEqualTo(600);
  }

  private static String nameOf(Object element) {
    assertThat(element).isInstanceOf(JAXBElement.class);
    return ((JAXBElement<?>) element).getName().getLocalPart();
  }

  private List<Element> rootExtensions(String extensions) {
    return codec.parse("application/pidf+xml", ("<presence xmlns='urn:ietf:params:xml:ns:pidf'"
        + " xmlns:dm='urn:ietf:params:xml:ns:pidf:data-model' xmlns:rpid='urn:ietf:params:xml:ns:pidf:rpid'"
        + " xmlns:c='urn:ietf:params:xml:ns:pidf:cipid' entity='sip:a@example.com'>"
        + "<tuple id='t'><status><basic>open</basic></status></tuple>" + extensions + "</presence>")
        .getBytes(UTF_8)).model().getExtensions();
  }
}
