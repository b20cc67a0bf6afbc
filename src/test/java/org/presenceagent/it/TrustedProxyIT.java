package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Behind a proxy that authenticates users (RFC 3325): the test client stands for the proxy
 * (trusted_proxies=127.0.0.1). Its requests are not challenged, the sender is the
 * P-Asserted-Identity (From when there is none), and the identity rules still hold: a PUBLISH
 * for another user than the asserted one gets 403, as does a foreign domain.
 */
class TrustedProxyIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("trusted_proxies", "127.0.0.0/8, ::1")
      .param("domains", "example.com")
      .param("auth", "none")
      .param("admin_credentials", "ops:ops-password");

  private final AdminHttp admin = new AdminHttp(SERVER.httpPort(), "ops", "ops-password");

  private JsonArray subscriptions(String presentity) throws Exception {
    return AdminHttp.array(admin.get("presentities/" + AdminHttp.segment(presentity) + "/subscriptions"));
  }

  @Test
  void theAssertedIdentityIsTheWatcher() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    try (SipTestClient proxy = new SipTestClient("udp", SERVER.sipPort())) {
      Request subscribe = proxy.newRequest(Request.SUBSCRIBE, "\"Anonymous\" <sip:anonymous@anonymous.invalid>", bob, 1);
      SipTestClient.setHeader(subscribe, "Event", "presence");
      // RFC 3325 section 9.1: a tel URI may come with the SIP one; the SIP one is the identity
      SipTestHeaders.add(subscribe, "P-Asserted-Identity", "<tel:+15551234567>");
      SipTestHeaders.add(subscribe, "P-Asserted-Identity", "\"Alice\" <" + alice + ">");
      Response ok = proxy.call(subscribe);

      assertThat(ok.getStatusCode() / 100).as("not challenged").isEqualTo(2);
      assertThat(subscriptions(bob)).singleElement()
          .satisfies(subscription -> assertThat(subscription.asJsonObject().getString("watcher")).isEqualTo(alice));
    }
  }

  @Test
  void withoutAnAssertedIdentityTheFromIsTheSender() throws Exception {
    String carol = TestAors.unique("carol");
    try (SipTestClient proxy = new SipTestClient("tcp", SERVER.sipPort())) {
      Response ok = new Publisher(proxy).publish(carol, 600, null, Pidf.open(carol, "t1", "via the proxy"));

      assertThat(ok.getStatusCode()).isEqualTo(200);
    }
  }

  @Test
  void theAssertedIdentityMustOwnWhatItChanges() throws Exception {
    String alice = TestAors.unique("alice");
    String mallory = TestAors.unique("mallory");
    try (SipTestClient proxy = new SipTestClient("udp", SERVER.sipPort())) {
      Publisher publisher = new Publisher(proxy);
      Request publish = publisher.request(alice, 600, null, "application/pidf+xml", Pidf.open(alice, "t1", "forged"));
      SipTestClient.setHeader(publish, "P-Asserted-Identity", "<" + mallory + ">");
      assertThat(proxy.call(publish).getStatusCode()).isEqualTo(403);
      assertThat(admin.get("presentities/" + AdminHttp.segment(alice)).statusCode()).as("nothing stored").isEqualTo(404);

      Registrar registrar = new Registrar(proxy, alice);
      Request register = registrar.request(600, "<sip:mallory@127.0.0.1:6666>");
      SipTestClient.setHeader(register, "P-Asserted-Identity", "<" + mallory + ">");
      assertThat(proxy.call(register).getStatusCode()).isEqualTo(403);

      Request foreign = publisher.request("sip:alice@elsewhere.org", 600, null, "application/pidf+xml",
          Pidf.open("sip:alice@elsewhere.org", "t1", "x"));
      assertThat(proxy.call(foreign).getStatusCode()).isEqualTo(403);
    }
  }
}
