package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code pres_rules_transformations=rfc5025}: a rule that allows but grants no {@code provide-*}
 * shows nothing of the presentity (RFC 5025 section 3.3), while the seed's reading (the default,
 * {@link PresRulesIT}) shows everything.
 */
class StrictTransformationsIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "xcap")
      .param("xcap_open", "1")
      .param("pres_rules_transformations", "rfc5025");

  private final XcapHttp xcap = new XcapHttp(SERVER.httpPort());

  @Test
  void anAllowWithoutTransformationsShowsAnEmptyDocument() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    String carol = TestAors.unique("carol");
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      xcap.putRules(alice, PresRulesDocs.ruleset(PresRulesTransformationsIT.allow("bob", bob, "")
          + PresRulesTransformationsIT.allow("carol", carol, PresRulesTransformationsIT.SERVICES_ONLY)));
      new Publisher(client).publish(alice, 600, null, PresRulesTransformationsIT.serviceAndPerson(alice, "work"));

      PresRulesTransformationsIT.subscribe(client, bob, alice);
      String toBob = Notifies.body(Notifies.next(client));
      assertThat(toBob).contains("entity=\"" + alice + "\"").doesNotContain("tuple").doesNotContain("person");

      PresRulesTransformationsIT.subscribe(client, carol, alice);
      assertThat(Notifies.body(Notifies.next(client))).contains("<basic>open</basic>").doesNotContain("person");
    }
  }
}
