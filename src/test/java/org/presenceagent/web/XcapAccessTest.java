package org.presenceagent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.identity.DigestAlgorithm;
import org.presenceagent.application.identity.DigestVerifier;
import org.presenceagent.application.identity.LocalDomains;
import org.presenceagent.application.identity.StatelessNonces;
import org.presenceagent.application.identity.Subscriber;
import org.presenceagent.application.identity.SubscriberDirectory;
import org.presenceagent.application.identity.SubscriberTable;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.infrastructure.identity.BoundedNonceCounter;
import org.presenceagent.testing.MutableClock;

/** Basic and digest authentication with the subscribers, ownership checks of the XCAP server, and its URL parsing. */
class XcapAccessTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final Aor BOB = Aor.parse("sip:bob@example.com");
  private static final String REALM = "example.com";
  private final MutableClock clock = new MutableClock();
  private final SubscriberDirectory subscribers = new SubscriberDirectory(REALM, LocalDomains.of(List.of("example.com")),
      List.of(Subscriber.withPassword(ALICE, REALM, "pa:ss", true)), SubscriberTable.inMemory());
  private final DigestVerifier digest = new DigestVerifier(subscribers, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
      new StatelessNonces("0123456789abcdef".getBytes(StandardCharsets.UTF_8), REALM, Duration.ofMinutes(5), clock),
      new BoundedNonceCounter(100, Duration.ofMinutes(5), clock));
  private final XcapAccess access = XcapAccess.withSubscribers(subscribers, digest);

  private static String basic(String userAndPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  private Optional<Aor> authenticate(String authorization) {
    return access.authenticate("GET", "/xcap-root/pres-rules/users/sip:alice@example.com/index", authorization).user();
  }

  @Test
  void validBasicCredentialsProveTheUser() {
    assertThat(authenticate(basic("alice@example.com:pa:ss"))).contains(ALICE);
    assertThat(authenticate(basic("alice@EXAMPLE.com:pa:ss"))).contains(ALICE);
    assertThat(authenticate("basic " + Base64.getEncoder().encodeToString("alice@example.com:pa:ss".getBytes(StandardCharsets.UTF_8))))
        .contains(ALICE);
  }

  @Test
  void validDigestCredentialsProveTheUserOnceForEachCount() {
    String uri = "/xcap-root/pres-rules/users/sip:alice@example.com/index";
    String nonce = digest.newNonce();
    DigestAlgorithm sha = DigestAlgorithm.SHA_256;
    String response = sha.response(sha.ha1("alice@example.com", REALM, "pa:ss"), nonce, "00000001", "abc", "auth",
        sha.ha2("GET", uri));
    String header = "Digest username=\"alice@example.com\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", uri=\""
        + uri + "\", response=\"" + response + "\", algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"abc\"";

    assertThat(authenticate(header)).contains(ALICE);
    assertThat(authenticate(header)).as("replayed").isEmpty();
  }

  @Test
  void theChallengesOfferDigestPerAlgorithmThenBasic() {
    assertThat(access.challenges(false)).hasSize(3);
    assertThat(access.challenges(false).get(0)).startsWith("Digest realm=\"example.com\"").contains("algorithm=SHA-256");
    assertThat(access.challenges(true).get(1)).contains("algorithm=MD5").contains("stale=true");
    assertThat(access.challenges(false).get(2)).startsWith("Basic realm=\"example.com\"");
  }

  @Test
  void anythingElseProvesNobody() {
    assertThat(authenticate(null)).isEmpty();
    assertThat(authenticate(basic("alice@example.com:pa"))).isEmpty();
    assertThat(authenticate(basic("bob@example.com:pa:ss"))).isEmpty();
    assertThat(authenticate(basic("no-colon"))).isEmpty();
    assertThat(authenticate("Basic !!!not-base64")).isEmpty();
    assertThat(authenticate("Digest username=\"alice@example.com\"")).isEmpty();
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
