package org.presenceagent.application.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestAuthorizationParserTest {

  @Test
  void readsQuotedAndTokenParameters() {
    DigestCredentials credentials = DigestAuthorizationParser.parse(
        "Digest username=\"alice\", realm=\"exa\\\"mple, com\",nonce=\"abc\", uri=\"sip:example.com\","
            + " response=\"6629fae49393a05397450978507c4ef1\", algorithm=MD5, cnonce=\"0a4f113b\", qop=auth, nc=00000001")
        .orElseThrow();

    assertThat(credentials.username()).isEqualTo("alice");
    assertThat(credentials.realm()).isEqualTo("exa\"mple, com");
    assertThat(credentials.nonce()).isEqualTo("abc");
    assertThat(credentials.uri()).isEqualTo("sip:example.com");
    assertThat(credentials.response()).isEqualTo("6629fae49393a05397450978507c4ef1");
    assertThat(credentials.algorithm()).contains("MD5");
    assertThat(credentials.qop()).contains("auth");
    assertThat(credentials.nonceCount()).contains("00000001");
    assertThat(credentials.cnonce()).contains("0a4f113b");
  }

  @Test
  void withoutQopTheOptionalParametersAreAbsent() {
    DigestCredentials credentials = DigestAuthorizationParser.parse(
        "digest username=\"bob\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"x\"").orElseThrow();

    assertThat(credentials.qop()).isEmpty();
    assertThat(credentials.cnonce()).isEmpty();
    assertThat(credentials.algorithm()).isEmpty();
  }

  @Test
  void otherSchemesIncompleteOrBrokenValuesAreNoCredentials() {
    assertThat(DigestAuthorizationParser.parse("Basic YWxpY2U6c2VjcmV0")).isEmpty();
    assertThat(DigestAuthorizationParser.parse("Digest username=\"bob\", realm=\"r\", nonce=\"n\", uri=\"sip:r\""))
        .as("no response").isEmpty();
    assertThat(DigestAuthorizationParser.parse("Digest username=\"bob, realm=r")).as("unterminated quote").isEmpty();
    assertThat(DigestAuthorizationParser.parse(
        "Digest username=\"a\", username=\"b\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"x\""))
        .as("a repeated parameter").isEqualTo(Optional.empty());
  }
}
