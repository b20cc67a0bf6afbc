package org.presenceagent.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.domain.auth.ComponentSelection;
import org.presenceagent.domain.auth.PresenceAttribute;
import org.presenceagent.domain.auth.Transformations;
import org.presenceagent.domain.auth.UnknownAttribute;
import org.presenceagent.domain.auth.UserInputLevel;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.shared.Aor;
import org.xmlunit.assertj3.XmlAssert;

/** RFC 5025 section 3.3 applied to the document a watcher receives, through {@link PidfCodec#compose}. */
class TransformationFilterTest {

  private static final String PIDF = "application/pidf+xml";
  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final Map<String, String> NS = Map.of(
      "p", "urn:ietf:params:xml:ns:pidf",
      "dm", "urn:ietf:params:xml:ns:pidf:data-model",
      "rpid", "urn:ietf:params:xml:ns:pidf:rpid",
      "x", "urn:example:vendor");
  private static final ComponentSelection ALL = ComponentSelection.ALL;
  private static final ComponentSelection NONE = ComponentSelection.NONE;

  private final PidfCodec codec = new PidfCodec(new SecureXml());
  private final byte[] everything = TestDocuments.pidf("transform/everything.xml");
  private final PresenceDocument published = codec.parse(PIDF, everything);

  private String view(Transformations view) {
    NotifyBody body = codec.compose(ALICE, List.of(published), PIDF, view);
    return new String(body.bytes(), UTF_8);
  }

  private static Transformations components(ComponentSelection persons, ComponentSelection devices,
      ComponentSelection services) {
    return new Transformations(persons, devices, services, false, Set.of(), UserInputLevel.FALSE, Set.of());
  }

  private static Transformations everyComponentWith(Set<PresenceAttribute> attributes, UserInputLevel userInput,
      Set<UnknownAttribute> unknown) {
    return new Transformations(ALL, ALL, ALL, false, attributes, userInput, unknown);
  }

  private static ComponentSelection selecting(Set<String> classes, Set<String> ids, Set<String> deviceIds,
      Set<String> uris, Set<String> schemes) {
    return new ComponentSelection(false, classes, ids, deviceIds, uris, schemes);
  }

  private static XmlAssert assertXml(String xml) {
    return XmlAssert.assertThat(xml).withNamespaceContext(NS);
  }

  @Test
  void theWholeDocumentIsForwardedUntouched() {
    assertThat(codec.compose(ALICE, List.of(published), PIDF, Transformations.ALL).bytes()).isEqualTo(everything);
  }

  @Test
  void nothingGrantedShowsNoComponentAtAll() {
    String xml = view(Transformations.NONE);

    assertXml(xml).valueByXPath("/p:presence/@entity").isEqualTo("sip:alice@example.com");
    assertXml(xml).valueByXPath("count(/p:presence/*)").isEqualTo("0");
  }

  @Test
  void servicesOnlyKeepTheirStatusAndContactButNoAttribute() {
    String xml = view(components(NONE, NONE, ALL));

    assertXml(xml).valueByXPath("count(/p:presence/p:tuple)").isEqualTo("2");
    assertXml(xml).valueByXPath("count(//dm:person | //dm:device)").isEqualTo("0");
    assertXml(xml).valueByXPath("/p:presence/p:tuple[@id='voice']/p:status/p:basic").isEqualTo("open");
    assertXml(xml).valueByXPath("/p:presence/p:tuple[@id='voice']/p:contact").isEqualTo("sip:alice@pc.example.com");
    assertXml(xml).valueByXPath("count(/p:presence/p:tuple[@id='voice']/*)").isEqualTo("2"); // status, contact
  }

  @Test
  void personsOnlyKeepTheirIdAndTimestamp() {
    String xml = view(components(ALL, NONE, NONE));

    assertXml(xml).valueByXPath("count(/p:presence/p:tuple | //dm:device)").isEqualTo("0");
    assertXml(xml).valueByXPath("/p:presence/dm:person/@id").isEqualTo("me");
    assertXml(xml).valueByXPath("count(/p:presence/dm:person/*)").isEqualTo("1");
    assertXml(xml).valueByXPath("/p:presence/dm:person/dm:timestamp").isEqualTo("2026-11-25T12:00:00Z");
  }

  @Test
  void devicesOnly() {
    String xml = view(components(NONE, ALL, NONE));

    assertXml(xml).valueByXPath("count(/p:presence/*)").isEqualTo("1");
    assertXml(xml).valueByXPath("/p:presence/dm:device/@id").isEqualTo("pc");
  }

  /** Each attribute permission shows its element, wherever it occurs, and no other attribute. */
  @ParameterizedTest
  @EnumSource(PresenceAttribute.class)
  void eachAttributePermissionShowsOnlyItsElement(PresenceAttribute granted) {
    String xml = view(everyComponentWith(EnumSet.of(granted), UserInputLevel.FALSE, Set.of()));

    for (PresenceAttribute attribute : PresenceAttribute.values()) {
      String count = "count(//*[local-name()='" + attribute.element() + "'])";
      if (attribute == granted) {
        assertXml(xml).valueByXPath(count + " > 0").isEqualTo("true");
      } else {
        assertXml(xml).valueByXPath(count).isEqualTo("0");
      }
    }
    assertXml(xml).valueByXPath("count(//rpid:user-input | //x:hobby | //*[local-name()='servcaps'])").isEqualTo("0");
  }

  @Test
  void allAttributesShowTheDocumentAsPublished() {
    String xml = view(new Transformations(ALL, ALL, ALL, true, Set.of(), UserInputLevel.FALSE, Set.of()));

    assertXml(xml).and(new String(everything, UTF_8)).ignoreWhitespace().ignoreComments()
        .areSimilar();
  }

  @Test
  void userInputIsCutToTheGrantedLevel() {
    String bare = view(everyComponentWith(Set.of(), UserInputLevel.BARE_MINIMUM, Set.of()));
    assertXml(bare).valueByXPath("//rpid:user-input").isEqualTo("idle");
    assertXml(bare).valueByXPath("count(//rpid:user-input/@*)").isEqualTo("0");

    String thresholds = view(everyComponentWith(Set.of(), UserInputLevel.THRESHOLDS, Set.of()));
    assertXml(thresholds).valueByXPath("//rpid:user-input/@idle-threshold").isEqualTo("600");
    assertXml(thresholds).valueByXPath("count(//rpid:user-input/@last-input)").isEqualTo("0");

    String full = view(everyComponentWith(Set.of(), UserInputLevel.FULL, Set.of()));
    assertXml(full).valueByXPath("//rpid:user-input/@last-input").isEqualTo("2026-11-25T11:50:00Z");

    assertXml(view(everyComponentWith(Set.of(), UserInputLevel.FALSE, Set.of())))
        .valueByXPath("count(//rpid:user-input)").isEqualTo("0");
  }

  @Test
  void anUnknownAttributeNeedsItsOwnPermission() {
    String xml = view(everyComponentWith(Set.of(), UserInputLevel.FALSE,
        Set.of(new UnknownAttribute("urn:example:vendor", "hobby"))));

    assertXml(xml).valueByXPath("//x:hobby").isEqualTo("chess");
    assertXml(xml).valueByXPath("count(//*[local-name()='servcaps'])").isEqualTo("0");
  }

  @Test
  void servicesAreSelectedByClassUriSchemeAndOccurrenceId() {
    assertXml(view(components(NONE, NONE, selecting(Set.of("business"), Set.of(), Set.of(), Set.of(), Set.of()))))
        .valueByXPath("count(/p:presence/p:tuple) = 1 and /p:presence/p:tuple/@id = 'voice'").isEqualTo("true");
    assertXml(view(components(NONE, NONE, selecting(Set.of(), Set.of(), Set.of(), Set.of(), Set.of("MAILTO")))))
        .valueByXPath("count(/p:presence/p:tuple) = 1 and /p:presence/p:tuple/@id = 'mail'").isEqualTo("true");
    assertXml(view(components(NONE, NONE,
        selecting(Set.of(), Set.of(), Set.of(), Set.of("sip:alice@pc.example.com"), Set.of()))))
        .valueByXPath("/p:presence/p:tuple/@id").isEqualTo("voice");
    assertXml(view(components(NONE, NONE, selecting(Set.of(), Set.of("mail"), Set.of(), Set.of(), Set.of()))))
        .valueByXPath("/p:presence/p:tuple/@id").isEqualTo("mail");
    assertXml(view(components(NONE, NONE, selecting(Set.of("family"), Set.of(), Set.of(), Set.of(), Set.of()))))
        .valueByXPath("count(/p:presence/p:tuple)").isEqualTo("0");
  }

  @Test
  void personsAndDevicesAreSelectedByTheirSelectors() {
    assertXml(view(components(selecting(Set.of("friends"), Set.of(), Set.of(), Set.of(), Set.of()), NONE, NONE)))
        .valueByXPath("count(//dm:person)").isEqualTo("1");
    assertXml(view(components(selecting(Set.of("business"), Set.of(), Set.of(), Set.of(), Set.of()), NONE, NONE)))
        .valueByXPath("count(//dm:person)").isEqualTo("0");
    assertXml(view(components(NONE, selecting(Set.of(), Set.of(), Set.of("urn:x-mac:0003ba4811e3"), Set.of(),
        Set.of()), NONE))).valueByXPath("count(//dm:device)").isEqualTo("1");
    assertXml(view(components(NONE, selecting(Set.of(), Set.of("phone"), Set.of(), Set.of(), Set.of()), NONE)))
        .valueByXPath("count(//dm:device)").isEqualTo("0");
  }

  @Test
  void theOldFormatsAreWrittenFromTheFilteredModel() {
    String xpidf = new String(codec.compose(ALICE, List.of(published), "application/xpidf+xml",
        components(NONE, NONE, selecting(Set.of(), Set.of(), Set.of(), Set.of(), Set.of("mailto")))).bytes(), UTF_8);
    assertThat(xpidf).contains("mailto:alice@example.com").doesNotContain("pc.example.com");

    String lpidf = new String(codec.compose(ALICE, List.of(published), "application/lpidf+xml", Transformations.NONE).bytes(),
        UTF_8);
    assertThat(lpidf).doesNotContain("pc.example.com").doesNotContain("mailto");
  }

  @Test
  void filteringLeavesThePublishedModelUnchanged() {
    view(Transformations.NONE);
    view(components(ALL, ALL, ALL));

    assertThat(codec.compose(ALICE, List.of(published, codec.parse(PIDF, everything)), PIDF, Transformations.ALL)
        .bytes()).asString(UTF_8).contains("chess", "last-input", "Voice at the desk");
  }

  @Test
  void theSphereIsReadFromTheNewestDocumentThatStatesOne() {
    PresenceDocument plain = codec.parse(PIDF, TestDocuments.pidf("valid/single-tuple.xml"));

    assertThat(codec.sphere(List.of(published, plain))).contains("work");
    assertThat(codec.sphere(List.of(plain))).isEmpty();
    assertThat(codec.sphere(List.of(codec.parse(PIDF, new String(everything, UTF_8)
        .replace("<rpid:sphere>work</rpid:sphere>", "<rpid:sphere><rpid:home/></rpid:sphere>").getBytes(UTF_8)))))
        .isEqualTo(Optional.of("home"));
  }
}
