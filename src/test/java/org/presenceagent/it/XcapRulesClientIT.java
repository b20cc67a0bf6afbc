package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import java.util.Optional;
import org.presenceagent.document.PresRulesReader;
import org.presenceagent.document.SecureXml;
import org.presenceagent.domain.auth.EmptyTransformationsPolicy;
import org.presenceagent.domain.auth.RulesPolicy;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.auth.PresRules;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.infrastructure.xcap.XcapDocumentType;
import org.presenceagent.infrastructure.xcap.XcapRulesClient;
import org.presenceagent.testing.ManualExpiryScheduler;
import org.presenceagent.testing.MutableClock;

/**
 * The XCAP client against the built-in XCAP server over real HTTP: the first read transfers the
 * document, a revalidation of an unchanged one is a 304 without a body, and a changed document is
 * read again and reported so that the presentity's subscriptions are re-evaluated.
 */
class XcapRulesClientIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension().param("xcap_open", "1");

  @Test
  void cachesRevalidatesWith304AndReportsChanges() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    XcapHttp xcap = new XcapHttp(SERVER.httpPort());
    assertThat(xcap.putRules(alice, PresRulesDocs.one(bob, "allow")).statusCode()).isEqualTo(201);
    List<Aor> changed = new CopyOnWriteArrayList<>();
    MutableClock clock = new MutableClock();
    ManualExpiryScheduler scheduler = new ManualExpiryScheduler(clock);
    XcapRulesClient<PresRules> client = new XcapRulesClient<>("http://127.0.0.1:" + SERVER.httpPort() + "/xcap-root",
        Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(300),
        XcapDocumentType.presRules(new PresRulesReader(new SecureXml())), scheduler, clock, changed::add, 1000, 65536).start();
    Aor aliceAor = Aor.parse(alice);

    assertThat(decision(client, aliceAor, bob)).isEqualTo(SubHandling.ALLOW);
    assertThat(client.bodiesRead()).isEqualTo(1);

    client.refreshNow().get(5, TimeUnit.SECONDS);
    assertThat(client.notModified()).isEqualTo(1);
    assertThat(client.bodiesRead()).as("no body for an unchanged document").isEqualTo(1);
    assertThat(changed).isEmpty();

    assertThat(xcap.putRules(alice, PresRulesDocs.one(bob, "block")).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(300));
    scheduler.runDue(); // the refresh timer
    for (int i = 0; i < 100 && changed.isEmpty(); i++) {
      Thread.sleep(50);
    }
    assertThat(changed).containsExactly(aliceAor);
    assertThat(client.bodiesRead()).isEqualTo(2);
    assertThat(decision(client, aliceAor, bob)).isEqualTo(SubHandling.BLOCK);
  }

  @Test
  void aPresentityWithoutRulesHasNone() {
    XcapRulesClient<PresRules> client = new XcapRulesClient<>("http://127.0.0.1:" + SERVER.httpPort() + "/xcap-root",
        Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(300),
        XcapDocumentType.presRules(new PresRulesReader(new SecureXml())), new ManualExpiryScheduler(new MutableClock()), new MutableClock(), aor -> { }, 1000, 65536);

    assertThat(client.apply(Aor.parse(TestAors.unique("nobody")))).isEmpty();
  }

  private static SubHandling decision(XcapRulesClient<PresRules> client, Aor presentity, String watcher) {
    return new RulesPolicy(client, anybody -> Optional.empty(), EmptyTransformationsPolicy.SEED, new MutableClock()).decide(Aor.parse(watcher), presentity);
  }
}
