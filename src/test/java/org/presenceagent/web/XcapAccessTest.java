package org.presenceagent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.Aor;

/** Basic authentication and ownership checks of the XCAP server, and its URL parsing. */
class XcapAccessTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final Aor BOB = Aor.parse("sip:bob@example.com");
  private final XcapAccess access = XcapAccess.withCredentials(Map.of("alice@example.com", "pa:ss"));

  private static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void validBasicCredentialsProveTheUser() {
    assertThat(access.authenticate(basic("alice@example.com:pa:ss"))).contains(ALICE);
    assertThat(access.authenticate(basic("alice@EXAMPLE.com:pa:ss"))).contains(ALICE);
    assertThat(access.authenticate("basic " + Base64.getEncoder().encodeToString("alice@example.com:pa:ss".getBytes(StandardCharsets.UTF_8))))
        .contains(ALICE);
  }

  @Test
  void anythingElseProvesNobody() {
    assertThat(access.authenticate(null)).isEmpty();
    assertThat(access.authenticate(basic("alice@example.com:pa"))).isEmpty();
    assertThat(access.authenticate(basic("bob@example.com:pa:ss"))).isEmpty();
    assertThat(access.authenticate(basic("no-colon"))).isEmpty();
    assertThat(access.authenticate("Basic !!!not-base64")).isEmpty();
    assertThat(access.authenticate("Digest username=\"alice@example.com\"")).isEmpty();
  }

  @Test
  void aUserMayAccessOnlyTheirOwnDocumentsUnlessTheServerIsOpen() {
    assertThat(access.mayAccess(Optional.of(ALICE), ALICE)).isTrue();
    assertThat(access.mayAccess(Optional.of(ALICE), BOB)).isFalse();
    assertThat(access.mayAccess(Optional.empty(), ALICE)).isFalse();
    assertThat(XcapAccess.open().mayAccess(Optional.empty(), BOB)).isTrue();
  }

  @Test
  void onlyDocumentUrlsOfTheUsersTreeNameADocument() {
    assertThat(XcapServlet.selector("/pres-rules/users/sip:alice@example.com/presence-rules.xml"))
        .hasValueSatisfying(selector -> {
          assertThat(selector.auid()).isEqualTo("pres-rules");
          assertThat(selector.user()).isEqualTo(ALICE);
          assertThat(selector.name()).isEqualTo("presence-rules.xml");
        });
    assertThat(XcapServlet.selector("/pres-rules/users/alice@example.com/index")).isPresent();
    assertThat(XcapServlet.selector("/pres-rules/global/index")).isEmpty();
    assertThat(XcapServlet.selector("/pres-rules/users/alice@example.com/index/~~/ruleset")).isEmpty();
    assertThat(XcapServlet.selector("/pres-rules/users/not-an-aor/index")).isEmpty();
    assertThat(XcapServlet.selector("/pres-rules/users/alice@example.com/..")).isEmpty();
    assertThat(XcapServlet.selector(null)).isEmpty();
  }
}
