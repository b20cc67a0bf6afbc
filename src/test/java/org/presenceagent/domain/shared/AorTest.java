package org.presenceagent.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AorTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "sip:alice@example.com",
      "sips:alice@example.com",
      "pres:alice@example.com",
      "SIP:alice@example.com",
      "  sip:alice@example.com  "})
  void foldsTheSchemesIntoSip(String uri) {
    assertThat(Aor.parse(uri).uri()).isEqualTo("sip:alice@example.com");
    assertThat(Aor.parse(uri)).isEqualTo(Aor.of("alice", "example.com"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "sip:alice@example.com:5061",
      "sip:alice@example.com;transport=tcp",
      "sip:alice@example.com:5060;transport=udp;lr",
      "sip:alice@example.com?subject=hello",
      "sip:alice@example.com:5060;user=phone?priority=urgent"})
  void dropsPortParametersAndHeaders(String uri) {
    assertThat(Aor.parse(uri).uri()).isEqualTo("sip:alice@example.com");
  }

  @Test
  void lowerCasesTheHostButKeepsTheUser() {
    Aor aor = Aor.parse("sip:Alice.Smith@EXAMPLE.Com");

    assertThat(aor.user()).isEqualTo("Alice.Smith");
    assertThat(aor.host()).isEqualTo("example.com");
    assertThat(aor).isNotEqualTo(Aor.parse("sip:alice.smith@example.com"));
    assertThat(aor).isEqualTo(Aor.parse("sip:Alice.Smith@example.com")).hasSameHashCodeAs(Aor.parse("sip:Alice.Smith@example.com"));
  }

  @Test
  void keepsAnIpv6HostWithoutItsPort() {
    assertThat(Aor.parse("sip:alice@[2001:DB8::1]:5060;transport=tcp").host()).isEqualTo("[2001:db8::1]");
    assertThat(Aor.parse("sip:alice@[2001:db8::1]").uri()).isEqualTo("sip:alice@[2001:db8::1]");
  }

  @Test
  void printsAsTheCanonicalUri() {
    assertThat(Aor.parse("pres:bob@Example.org:5070")).hasToString("sip:bob@example.org");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tel:+15551234567", "mailto:alice@example.com", "http://example.com/alice"})
  void rejectsOtherSchemes(String uri) {
    assertThatIllegalArgumentException().isThrownBy(() -> Aor.parse(uri));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sip:example.com", "sip:@example.com", "sip:alice@", "sip:alice@;transport=tcp"})
  void rejectsAUriWithoutUserOrHost(String uri) {
    assertThatIllegalArgumentException().isThrownBy(() -> Aor.parse(uri));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "alice@example.com", ":alice@example.com"})
  void rejectsEmptyAndSchemelessText(String uri) {
    assertThatIllegalArgumentException().isThrownBy(() -> Aor.parse(uri));
  }

  @Test
  void ofRejectsDelimitersAndEmptyParts() {
    assertThatIllegalArgumentException().isThrownBy(() -> Aor.of("", "example.com"));
    assertThatIllegalArgumentException().isThrownBy(() -> Aor.of("alice", null));
    assertThatIllegalArgumentException().isThrownBy(() -> Aor.of("al ice", "example.com"));
    assertThatIllegalArgumentException().isThrownBy(() -> Aor.of("alice", "example.com/path"));
  }
}
