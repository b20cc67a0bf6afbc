package org.presenceagent.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.EnumSet;
import java.util.Set;
import org.presenceagent.domain.auth.ComponentSelection;
import org.presenceagent.domain.auth.PresenceAttribute;
import org.presenceagent.domain.auth.UserInputLevel;
import org.presenceagent.domain.auth.UnknownAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.presenceagent.application.port.RejectedDocumentException;
import org.presenceagent.domain.auth.PresRules;
import org.presenceagent.domain.auth.Rule;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.auth.Transformations;
import org.presenceagent.domain.auth.Validity;
import org.presenceagent.domain.shared.Aor;

/** Reading pres-rules documents (RFC 5025, RFC 4745) into the domain model. */
class PresRulesReaderTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private final PresRulesReader reader = new PresRulesReader(new SecureXml());

  private static byte[] resource(String name) {
    try (InputStream in = PresRulesReaderTest.class.getResourceAsStream("/documents/pres-rules/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] ruleset(String rules) {
    return ("<ruleset xmlns='urn:ietf:params:xml:ns:common-policy' xmlns:pr='urn:ietf:params:xml:ns:pres-rules'>"
        + rules + "</ruleset>").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsTheSeedsExample() {
    PresRules rules = reader.read(resource("seed-example.xml"));

    assertThat(rules.rules()).extracting(Rule::id).containsExactly("blacklist", "whitelist");
    assertThat(rules.evaluate(Aor.parse("sip:smith@test-domain.com"), Optional.empty(), NOW).subHandling())
        .isEqualTo(SubHandling.BLOCK);
    assertThat(rules.evaluate(Aor.parse("sip:jane@TEST-domain.com"), Optional.empty(), NOW))
        .satisfies(decision -> {
          assertThat(decision.subHandling()).isEqualTo(SubHandling.ALLOW);
          assertThat(decision.transformations()).isEqualTo(Transformations.ALL);
        });
    assertThat(rules.evaluate(Aor.parse("sip:jane@other.com"), Optional.empty(), NOW).subHandling())
        .isEqualTo(SubHandling.CONFIRM);
  }

  @Test
  void readsTheSeedsDraftIdentitySyntax() {
    PresRules rules = reader.read(resource("seed-draft-syntax.xml"));

    assertThat(rules.evaluate(Aor.parse("sip:smith@test-domain.com"), Optional.empty(), NOW).subHandling())
        .isEqualTo(SubHandling.BLOCK);
    assertThat(rules.evaluate(Aor.parse("sip:jane@test-domain.com"), Optional.empty(), NOW).subHandling())
        .isEqualTo(SubHandling.ALLOW);
    assertThat(rules.evaluate(Aor.parse("sip:jane@elsewhere.org"), Optional.empty(), NOW).subHandling())
        .isEqualTo(SubHandling.CONFIRM);
  }

  @Test
  void readsSphereValidityExceptDomainAndSkipsRulesWithUnknownConditions() {
    PresRules rules = reader.read(resource("conditions.xml"));

    assertThat(rules.rules()).extracting(Rule::id).containsExactly("work-hours");
    Rule rule = rules.rules().get(0);
    assertThat(rule.conditions().spheres()).containsExactly("work");
    assertThat(rule.conditions().validity()).containsExactly(
        new Validity(Instant.parse("2026-11-25T07:00:00Z"), Instant.parse("2026-11-25T17:00:00Z")));
    assertThat(rule.subHandling()).contains(SubHandling.POLITE_BLOCK);
    assertThat(rule.transformations().services().serviceUris()).containsExactly("sip:x@y");
    assertThat(rule.transformations().services().all()).isFalse();
    assertThat(rules.evaluate(Aor.parse("sip:bob@example.com"), Optional.of("work"), NOW).subHandling())
        .isEqualTo(SubHandling.POLITE_BLOCK);
    assertThat(rules.evaluate(Aor.parse("sip:eve@evil.example"), Optional.of("work"), NOW).subHandling())
        .isEqualTo(SubHandling.CONFIRM);
  }

  @Test
  void readsEveryTransformationAndUnitesThoseOfTheMatchingRules() {
    Transformations view = reader.read(resource("transformations.xml"))
        .evaluate(Aor.parse("sip:bob@example.com"), Optional.empty(), NOW).transformations();

    assertThat(view.services()).isEqualTo(new ComponentSelection(false, Set.of("business"), Set.of("mail"), Set.of(),
        Set.of(), Set.of("sip")));
    assertThat(view.persons().occurrenceIds()).containsExactly("me");
    assertThat(view.devices().deviceIds()).containsExactly("urn:x-mac:0003ba4811e3");
    assertThat(view.allAttributes()).isFalse();
    assertThat(view.attributes()).isEqualTo(EnumSet.allOf(PresenceAttribute.class)); // mood from the second rule
    assertThat(view.userInput()).isEqualTo(UserInputLevel.THRESHOLDS);
    assertThat(view.unknownAttributes()).containsExactly(new UnknownAttribute("urn:example:vendor", "hobby"));
  }

  @Test
  void refusesPermissionsThatAreNotBooleansOrLevels() {
    assertThatThrownBy(() -> reader.read(ruleset(
        "<rule id='r'><transformations><pr:provide-mood>yes</pr:provide-mood></transformations></rule>")))
        .isInstanceOf(RejectedDocumentException.class).hasMessageContaining("provide-mood must be a boolean");
    assertThatThrownBy(() -> reader.read(ruleset(
        "<rule id='r'><transformations><pr:provide-user-input>some</pr:provide-user-input></transformations></rule>")))
        .isInstanceOf(RejectedDocumentException.class).hasMessageContaining("provide-user-input");
    assertThatThrownBy(() -> reader.read(ruleset("<rule id='r'><transformations>"
        + "<pr:provide-unknown-attribute name='x'>true</pr:provide-unknown-attribute></transformations></rule>")))
        .isInstanceOf(RejectedDocumentException.class).hasMessageContaining("ns and name");
  }

  @Test
  void anEmptyRulesetHasNoRules() {
    assertThat(reader.read(ruleset("")).rules()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<rule><actions><pr:sub-handling>allow</pr:sub-handling></actions></rule>",
      "<rule id='a'/><rule id='a'/>",
      "<rule id='a'><actions><pr:sub-handling>maybe</pr:sub-handling></actions></rule>",
      "<rule id='a'><conditions><identity><one id='not a uri'/></identity></conditions></rule>",
      "<rule id='a'><conditions><identity><many domain='x.com'><except domain='y.com'/></many></identity></conditions></rule>",
      "<rule id='a'><conditions><identity><many><except/></many></identity></conditions></rule>",
      "<rule id='a'><conditions><validity><from>2026-01-01T00:00:00Z</from></validity></conditions></rule>",
      "<rule id='a'><conditions><validity><from>yesterday</from><until>2026-01-01T00:00:00Z</until></validity></conditions></rule>",
      "<rule id='a'><conditions><validity><from>2026-01-02T00:00:00Z</from><until>2026-01-01T00:00:00Z</until></validity></conditions></rule>",
      "<rule id='a'><conditions><identity><except entity='smith'/></identity></conditions></rule>",
      "<rule id='a'><conditions><identity><domain/></identity></conditions></rule>",
      "<rule id='a'><conditions><identity><id>smith</id></identity></conditions></rule>",
  })
  void invalidRulesetsAreWellFormedButRejected(String rules) {
    assertThatThrownBy(() -> reader.read(ruleset(rules)))
        .isInstanceOfSatisfying(RejectedDocumentException.class, e -> assertThat(e.wellFormed()).isTrue())
        .hasMessageStartingWith("Invalid pres-rules:");
  }

  @Test
  void aWrongRootIsRejected() {
    byte[] pidf = "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'/>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> reader.read(pidf))
        .isInstanceOfSatisfying(RejectedDocumentException.class, e -> assertThat(e.wellFormed()).isTrue())
        .hasMessageContaining("root element");
  }

  @Test
  void brokenXmlAndDoctypesAreNotWellFormed() {
    assertThatThrownBy(() -> reader.read(ruleset("<rule id='a'>")))
        .isInstanceOfSatisfying(RejectedDocumentException.class, e -> assertThat(e.wellFormed()).isFalse());
    byte[] xxe = ("<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
        + "<ruleset xmlns='urn:ietf:params:xml:ns:common-policy'>&x;</ruleset>").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> reader.read(xxe))
        .isInstanceOfSatisfying(RejectedDocumentException.class, e -> assertThat(e.wellFormed()).isFalse())
        .hasMessageContaining("DOCTYPE");
  }
}
