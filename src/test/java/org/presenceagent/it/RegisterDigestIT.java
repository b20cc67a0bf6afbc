package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.presenceagent.application.identity.DigestAlgorithm;

/**
 * The older REGISTER digest parameters (register_auth, register_auth_realm, register_credentials,
 * register_credentials_file, register_auth_secret) still work, read as digest_auth and friends
 * (RFC 3261 section 22.4): a REGISTER without credentials is challenged, the phone's answer
 * registers it, a wrong password is challenged again, and another user's valid credentials are
 * forbidden. Alice's password comes from register_credentials, Bob's HA1 from an htdigest file.
 */
class RegisterDigestIT {

  private static final String REALM = "example.com";
  private static final String REQUEST_URI = "sip:example.com";
  private static final Path HTDIGEST = htdigest("digest-bob:" + REALM + ":" + DigestAlgorithm.MD5.ha1("digest-bob", REALM, "builder"));
  private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("register_auth", "1")
      .param("register_auth_realm", REALM)
      .param("register_credentials", "digest-alice:wonderland")
      .param("register_credentials_file", HTDIGEST.toString())
      .param("register_auth_secret", "a-shared-secret-of-the-cluster");

  private static Path htdigest(String line) {
    try {
      Path file = Files.createTempFile("users", ".htdigest");
      Files.writeString(file, "# test users\n" + line + "\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void deleteFile() throws IOException {
    Files.deleteIfExists(HTDIGEST);
  }

  private static String nonce(Response challenge) {
    String header = DigestAnswers.challenge(challenge, DigestAlgorithm.MD5);
    assertThat(header).startsWith("Digest ").contains("realm=\"" + REALM + "\"").contains("qop=\"auth\"")
        .doesNotContain("stale");
    Matcher matcher = NONCE.matcher(header);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  /** The Authorization header a phone computes (RFC 2617 section 3.2.2, qop=auth), the nc-th use of the nonce. */
  private static String authorization(String user, String password, String nonce, int nc) {
    String count = String.format("%08x", nc);
    String ha1 = DigestAlgorithm.MD5.ha1(user, REALM, password);
    String response = DigestAlgorithm.MD5.response(ha1, nonce, count, "4f7a2b", "auth",
        DigestAlgorithm.MD5.ha2("REGISTER", REQUEST_URI));
    return "Digest username=\"" + user + "\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", uri=\"" + REQUEST_URI
        + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"4f7a2b\", qop=auth, nc=" + count;
  }

  private static Response registerWith(SipTestClient phone, Registrar registrar, String authorization, String contact)
      throws Exception {
    Request request = registrar.request(600, contact);
    SipTestClient.setHeader(request, "Authorization", authorization);
    return phone.call(request);
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void challengeAnswerWrongPasswordAndAnotherUsersCredentials(String transport) throws Exception {
    try (SipTestClient phone = new SipTestClient(transport, SERVER.sipPort())) {
      Registrar alice = new Registrar(phone, "sip:digest-alice@example.com");
      String contact = "<sip:alice@127.0.0.1:5991;transport=" + transport + ">";

      Response challenge = alice.register(600, contact);
      assertThat(challenge.getStatusCode()).isEqualTo(401);
      String nonce = nonce(challenge);

      Response ok = registerWith(phone, alice, authorization("digest-alice", "wonderland", nonce, 1), contact);
      assertThat(ok.getStatusCode()).isEqualTo(200);
      assertThat(Registrar.contacts(ok)).contains("sip:alice@127.0.0.1:5991");

      Response wrongPassword = registerWith(phone, alice, authorization("digest-alice", "guess", nonce, 2), contact);
      assertThat(wrongPassword.getStatusCode()).isEqualTo(401);
      assertThat(nonce(wrongPassword)).isNotBlank();

      Response bobsCredentials = registerWith(phone, alice, authorization("digest-bob", "builder", nonce, 3), contact);
      assertThat(bobsCredentials.getStatusCode()).as("Bob may not register Alice").isEqualTo(403);

      Registrar bob = new Registrar(phone, "sip:digest-bob@example.com");
      Response bobRegisters = registerWith(phone, bob, authorization("digest-bob", "builder", nonce, 4),
          "<sip:bob@127.0.0.1:5992;transport=" + transport + ">");
      assertThat(bobRegisters.getStatusCode()).as("Bob's HA1 from the htdigest file").isEqualTo(200);
    }
  }
}
