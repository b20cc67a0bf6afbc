package org.presenceagent.application.expiry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.initialPublish;
import static org.presenceagent.testing.Commands.key;
import static org.presenceagent.testing.Commands.resubscribe;
import static org.presenceagent.testing.Commands.subscribe;

import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;
import org.presenceagent.testing.ApplicationHarness;
import org.presenceagent.testing.Pidf;
import org.presenceagent.testing.RecordingResponders;

class ExpiryServiceTest {

  private final ApplicationHarness app = new ApplicationHarness();

  private void bobWatchesAlice(long seconds) {
    app.subscribeService().subscribe(subscribe("bob-call", BOB, ALICE, seconds), new RecordingResponders.Subscribe());
    app.sender.clear();
  }

  private ETag alicePublishes(long seconds) {
    RecordingResponders.Publish responder = new RecordingResponders.Publish();
    app.publishService().publish(
        initialPublish(ALICE, Pidf.tuple("sip:alice@example.com", "phone", "open"), seconds), responder);
    app.sender.clear();
    return responder.last().etag();
  }

  @Test
  void anExpiredSubscriptionGetsAFinalTimeoutNotifyAndIsRemoved() {
    bobWatchesAlice(600);
    app.clock.advanceSeconds(600);

    assertThat(app.scheduler.runDue()).isEqualTo(1);

    assertThat(app.sender.sent()).singleElement().satisfies(notify -> {
      assertThat(notify.key()).isEqualTo(key("bob-call"));
      assertThat(notify.state()).isEqualTo(SubscriptionState.TERMINATED);
      assertThat(notify.reason()).contains(TerminationReason.TIMEOUT);
      assertThat(notify.body()).isPresent();
    });
    assertThat(app.subscriptions.find(key("bob-call"))).isEmpty();
  }

  @Test
  void aSubscriptionRefreshedSinceTheTimerWasTakenIsLeftAlone() {
    bobWatchesAlice(600);
    app.clock.advanceSeconds(500);
    app.subscribeService().subscribe(
        resubscribe("bob-call", BOB, ALICE, 600, 2, null), new RecordingResponders.Subscribe());
    app.sender.clear();
    app.clock.advanceSeconds(100);

    assertThat(app.expiryService.expireSubscriptionNow(key("bob-call"))).isFalse();

    assertThat(app.sender.sent()).isEmpty();
    assertThat(app.subscriptions.find(key("bob-call"))).hasValueSatisfying(
        subscription -> assertThat(subscription.isActive()).isTrue());
  }

  @Test
  void expiringAnUnknownSubscriptionDoesNothing() {
    assertThat(app.expiryService.expireSubscriptionNow(key("nobody"))).isFalse();
    assertThat(app.sender.sent()).isEmpty();
  }

  @Test
  void anExpiredPublicationIsRemovedAndTheWatchersAreTold() {
    bobWatchesAlice(3600);
    ETag etag = alicePublishes(600);
    app.clock.advanceSeconds(600);

    assertThat(app.expiryService.expirePublicationNow(etag)).isTrue();

    assertThat(app.publications.find(etag)).isEmpty();
    assertThat(app.sender.sent()).singleElement().satisfies(notify -> {
      assertThat(notify.state()).isEqualTo(SubscriptionState.ACTIVE);
      assertThat(new String(notify.body().orElseThrow().bytes(), UTF_8)).contains("closed").doesNotContain("phone");
    });
  }

  @Test
  void thePublicationTimerRunsTheExpiry() {
    bobWatchesAlice(3600);
    ETag etag = alicePublishes(600);
    app.clock.advanceSeconds(600);

    assertThat(app.scheduler.runDue()).isEqualTo(1);

    assertThat(app.publications.find(etag)).isEmpty();
    assertThat(app.sender.sent()).hasSize(1);
  }

  @Test
  void aPublicationNotYetExpiredIsKept() {
    ETag etag = alicePublishes(600);
    app.clock.advanceSeconds(599);

    assertThat(app.expiryService.expirePublicationNow(etag)).isFalse();

    assertThat(app.publications.find(etag)).isPresent();
  }
}
