package org.presenceagent.application.identity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.identity.DigestVerifier.Outcome;
import org.presenceagent.application.identity.DigestVerifier.Verdict;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.infrastructure.identity.BoundedNonceCounter;
import org.presenceagent.testing.MutableClock;

class DigestVerifierTest {

  private static final String REALM = "example.com";
  private static final String URI = "sip:example.com";
  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private final MutableClock clock = new MutableClock();
  private final StatelessNonces nonces =
      new StatelessNonces("0123456789abcdef".getBytes(UTF_8), REALM, Duration.ofMinutes(5), clock);
  private final SubscriberDirectory directory = new SubscriberDirectory(REALM,
      LocalDomains.of(List.of("example.com")),
      List.of(Subscriber.withPassword(ALICE, REALM, "wonderland", true),
          Subscriber.withPassword(Aor.parse("sip:bob@example.com"), REALM, "builder", true)),
      SubscriberTable.inMemory());
  private final DigestVerifier verifier = new DigestVerifier(directory, List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256),
      nonces, new BoundedNonceCounter(1000, Duration.ofMinutes(5), clock));

  /** What a phone sends after a challenge: qop=auth, RFC 7616 section 3.4. */
  private static DigestCredentials answer(String user, String password, String nonce, DigestAlgorithm algorithm, String nc) {
    String ha1 = algorithm.ha1(user, REALM, password);
    String response = algorithm.response(ha1, nonce, nc, "c0ffee", "auth", algorithm.ha2("REGISTER", URI));
    return new DigestCredentials(user, REALM, nonce, URI, response, Optional.of(algorithm.token()), Optional.of("auth"),
        Optional.of(nc), Optional.of("c0ffee"));
  }

  private static DigestCredentials answer(String user, String password, String nonce) {
    return answer(user, password, nonce, DigestAlgorithm.MD5, "00000001");
  }

  private Verdict verify(DigestCredentials credentials) {
    return verifier.verify("REGISTER", URI, "example.com", Optional.of(credentials));
  }

  @Test
  void noCredentialsGetAChallenge() {
    assertThat(verifier.verify("REGISTER", URI, "example.com", Optional.empty()).outcome()).isEqualTo(Outcome.CHALLENGE);
    assertThat(nonces.check(verifier.newNonce())).isEqualTo(StatelessNonces.Status.FRESH);
  }

  @Test
  void theRightAnswerProvesTheUserInEitherAlgorithmAndUsernameForm() {
    assertThat(verify(answer("alice", "wonderland", nonces.issue())).user()).contains(ALICE);
    assertThat(verify(answer("alice", "wonderland", nonces.issue(), DigestAlgorithm.SHA_256, "00000001")).user())
        .contains(ALICE);
    assertThat(verify(answer("alice@example.com", "wonderland", nonces.issue())).user()).contains(ALICE);
  }

  @Test
  void aReplayedCountIsChallengedAndAHigherOneAccepted() {
    String nonce = nonces.issue();
    DigestCredentials first = answer("alice", "wonderland", nonce);

    assertThat(verify(first).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(verify(first).outcome()).as("the same nc again: a replay").isEqualTo(Outcome.CHALLENGE);
    assertThat(verify(answer("alice", "wonderland", nonce, DigestAlgorithm.MD5, "00000002")).outcome())
        .isEqualTo(Outcome.ACCEPTED);
    assertThat(verify(answer("alice", "wonderland", nonces.issue(), DigestAlgorithm.MD5, "00000007")).outcome())
        .as("a count above 1 for a nonce never used: take a new one").isEqualTo(Outcome.STALE);
  }

  @Test
  void anAnswerWithoutQopIsChallenged() {
    String nonce = nonces.issue();
    DigestAlgorithm md5 = DigestAlgorithm.MD5;
    String rfc2069 = md5.hash(md5.ha1("alice", REALM, "wonderland") + ":" + nonce + ":" + md5.ha2("REGISTER", URI));
    DigestCredentials noQop = new DigestCredentials("alice", REALM, nonce, URI, rfc2069, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());

    assertThat(verify(noQop).outcome()).isEqualTo(Outcome.CHALLENGE);
  }

  @Test
  void aWrongPasswordOrAnUnknownUserIsChallengedAgain() {
    assertThat(verify(answer("alice", "guess", nonces.issue())).outcome()).isEqualTo(Outcome.CHALLENGE);
    assertThat(verify(answer("mallory", "wonderland", nonces.issue())).outcome()).isEqualTo(Outcome.CHALLENGE);
  }

  @Test
  void theRightAnswerWithAnExpiredNonceIsStale() {
    String nonce = nonces.issue();
    clock.advance(Duration.ofMinutes(6));

    assertThat(verify(answer("alice", "wonderland", nonce)).outcome()).isEqualTo(Outcome.STALE);
  }

  @Test
  void aNonceWeDidNotIssueIsChallengedEvenWithTheRightPassword() {
    assertThat(verify(answer("alice", "wonderland", "dcd98b7102dd2f0e8b11d0f600bfb0c093")).outcome())
        .isEqualTo(Outcome.CHALLENGE);
  }

  @Test
  void credentialsForAnotherRealmUriOrAlgorithmAreChallenged() {
    String nonce = nonces.issue();
    DigestCredentials right = answer("alice", "wonderland", nonce);
    DigestCredentials otherRealm = new DigestCredentials("alice", "example.org", nonce, URI, right.response(),
        right.algorithm(), right.qop(), right.nonceCount(), right.cnonce());
    DigestCredentials unknownAlgorithm = new DigestCredentials("alice", REALM, nonce, URI, right.response(),
        Optional.of("SHA-512-256"), right.qop(), right.nonceCount(), right.cnonce());
    DigestCredentials qopWithoutCnonce = new DigestCredentials("alice", REALM, nonce, URI, right.response(),
        right.algorithm(), right.qop(), right.nonceCount(), Optional.empty());

    assertThat(verify(otherRealm).outcome()).isEqualTo(Outcome.CHALLENGE);
    assertThat(verify(unknownAlgorithm).outcome()).isEqualTo(Outcome.CHALLENGE);
    assertThat(verify(qopWithoutCnonce).outcome()).isEqualTo(Outcome.CHALLENGE);
    assertThat(verifier.verify("REGISTER", "sip:other.example.com", "example.com", Optional.of(right)).outcome())
        .as("a response computed for another Request-URI").isEqualTo(Outcome.CHALLENGE);
  }

  @Test
  void anAlgorithmNotOfferedIsChallenged() {
    DigestVerifier md5Only = new DigestVerifier(directory, List.of(DigestAlgorithm.MD5), nonces,
        new BoundedNonceCounter(1000, Duration.ofMinutes(5), clock));

    assertThat(md5Only.verify("REGISTER", URI, "example.com",
        Optional.of(answer("alice", "wonderland", nonces.issue(), DigestAlgorithm.SHA_256, "00000001"))).outcome())
        .isEqualTo(Outcome.CHALLENGE);
  }

  @Test
  void theResponseIsComparedWithoutRegardToHexCase() {
    DigestCredentials right = answer("alice", "wonderland", nonces.issue());
    DigestCredentials upper = new DigestCredentials("alice", REALM, right.nonce(), URI, right.response().toUpperCase(),
        right.algorithm(), right.qop(), right.nonceCount(), right.cnonce());

    assertThat(verify(upper).outcome()).isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void aRemovedUserIsChallenged() {
    SubscriberDirectory stored = new SubscriberDirectory(REALM, LocalDomains.of(List.of("example.com")), List.of(),
        SubscriberTable.inMemory());
    DigestVerifier withStored = new DigestVerifier(stored, List.of(DigestAlgorithm.MD5), nonces,
        new BoundedNonceCounter(1000, Duration.ofMinutes(5), clock));
    stored.add(ALICE, "wonderland");
    assertThat(withStored.verify("REGISTER", URI, "example.com", Optional.of(answer("alice", "wonderland", nonces.issue())))
        .outcome()).isEqualTo(Outcome.ACCEPTED);

    stored.remove(ALICE);

    assertThat(withStored.verify("REGISTER", URI, "example.com", Optional.of(answer("alice", "wonderland", nonces.issue())))
        .outcome()).isEqualTo(Outcome.CHALLENGE);
  }
}
