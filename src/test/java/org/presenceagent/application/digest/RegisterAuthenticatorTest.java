package org.presenceagent.application.digest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.digest.RegisterAuthenticator.Decision;
import org.presenceagent.application.digest.RegisterAuthenticator.Outcome;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.testing.MutableClock;

class RegisterAuthenticatorTest {

  private static final String REALM = "example.com";
  private static final String URI = "sip:example.com";
  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private final MutableClock clock = new MutableClock();
  private final StatelessNonces nonces =
      new StatelessNonces("0123456789abcdef".getBytes(UTF_8), REALM, Duration.ofMinutes(5), clock);
  private final RegisterAuthenticator authenticator = new RegisterAuthenticator(REALM,
      Map.of("alice", Md5Digest.ha1("alice", REALM, "wonderland"), "bob", Md5Digest.ha1("bob", REALM, "builder")),
      nonces);

  /** What a phone sends after a challenge: qop=auth, as RFC 2617 section 3.2.2. */
  private static DigestCredentials answer(String user, String password, String nonce) {
    String ha1 = Md5Digest.ha1(user, REALM, password);
    String response = Md5Digest.response(ha1, nonce, "00000001", "c0ffee", "auth", Md5Digest.ha2("REGISTER", URI));
    return new DigestCredentials(user, REALM, nonce, URI, response, Optional.of("MD5"), Optional.of("auth"),
        Optional.of("00000001"), Optional.of("c0ffee"));
  }

  private Decision authenticate(Optional<DigestCredentials> credentials) {
    return authenticator.authenticate("REGISTER", URI, ALICE, credentials);
  }

  @Test
  void noCredentialsGetAChallengeWithAFreshNonce() {
    Decision decision = authenticate(Optional.empty());

    assertThat(decision.outcome()).isEqualTo(Outcome.CHALLENGE);
    assertThat(nonces.check(decision.nonce().orElseThrow())).isEqualTo(StatelessNonces.Status.FRESH);
  }

  @Test
  void theRightAnswerToAChallengeIsAccepted() {
    String nonce = authenticate(Optional.empty()).nonce().orElseThrow();

    assertThat(authenticate(Optional.of(answer("alice", "wonderland", nonce))).outcome()).isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void anAnswerWithoutQopAsRfc2069IsAccepted() {
    String nonce = nonces.issue();
    String ha1 = Md5Digest.ha1("alice", REALM, "wonderland");
    DigestCredentials rfc2069 = new DigestCredentials("alice", REALM, nonce, URI,
        Md5Digest.response(ha1, nonce, Md5Digest.ha2("REGISTER", URI)), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());

    assertThat(authenticate(Optional.of(rfc2069)).outcome()).isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void aWrongPasswordOrAnUnknownUserIsChallengedAgain() {
    String nonce = nonces.issue();

    assertThat(authenticate(Optional.of(answer("alice", "guess", nonce))).outcome()).isEqualTo(Outcome.CHALLENGE);
    assertThat(authenticate(Optional.of(answer("mallory", "wonderland", nonce))).outcome()).isEqualTo(Outcome.CHALLENGE);
  }

  @Test
  void theRightAnswerWithAnExpiredNonceIsStale() {
    String nonce = nonces.issue();
    clock.advance(Duration.ofMinutes(6));

    Decision decision = authenticate(Optional.of(answer("alice", "wonderland", nonce)));

    assertThat(decision.outcome()).isEqualTo(Outcome.STALE);
    assertThat(decision.nonce()).isPresent().get().isNotEqualTo(nonce);
  }

  @Test
  void aNonceWeDidNotIssueIsChallengedEvenWithTheRightPassword() {
    assertThat(authenticate(Optional.of(answer("alice", "wonderland", "dcd98b7102dd2f0e8b11d0f600bfb0c093"))).outcome())
        .isEqualTo(Outcome.CHALLENGE);
  }

  @Test
  void anotherUsersValidCredentialsAreForbidden() {
    Decision decision = authenticate(Optional.of(answer("bob", "builder", nonces.issue())));

    assertThat(decision.outcome()).isEqualTo(Outcome.FORBIDDEN);
    assertThat(decision.nonce()).isEmpty();
  }

  @Test
  void credentialsForAnotherRealmUriOrAlgorithmAreChallenged() {
    String nonce = nonces.issue();
    DigestCredentials right = answer("alice", "wonderland", nonce);

    DigestCredentials otherRealm = new DigestCredentials("alice", "example.org", nonce, URI, right.response(),
        right.algorithm(), right.qop(), right.nonceCount(), right.cnonce());
    DigestCredentials otherAlgorithm = new DigestCredentials("alice", REALM, nonce, URI, right.response(),
        Optional.of("SHA-256"), right.qop(), right.nonceCount(), right.cnonce());
    DigestCredentials qopWithoutCnonce = new DigestCredentials("alice", REALM, nonce, URI, right.response(),
        right.algorithm(), right.qop(), right.nonceCount(), Optional.empty());

    assertThat(authenticate(Optional.of(otherRealm)).outcome()).isEqualTo(Outcome.CHALLENGE);
    assertThat(authenticate(Optional.of(otherAlgorithm)).outcome()).isEqualTo(Outcome.CHALLENGE);
    assertThat(authenticate(Optional.of(qopWithoutCnonce)).outcome()).isEqualTo(Outcome.CHALLENGE);
    assertThat(authenticator.authenticate("REGISTER", "sip:other.example.com", ALICE, Optional.of(right)).outcome())
        .as("a response computed for another Request-URI").isEqualTo(Outcome.CHALLENGE);
  }

  @Test
  void theResponseIsComparedWithoutRegardToHexCase() {
    DigestCredentials right = answer("alice", "wonderland", nonces.issue());
    DigestCredentials upper = new DigestCredentials("alice", REALM, right.nonce(), URI, right.response().toUpperCase(),
        right.algorithm(), right.qop(), right.nonceCount(), right.cnonce());

    assertThat(authenticate(Optional.of(upper)).outcome()).isEqualTo(Outcome.ACCEPTED);
  }
}
