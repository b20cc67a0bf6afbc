package org.presenceagent.application.subscribe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.key;
import static org.presenceagent.testing.Commands.resubscribe;
import static org.presenceagent.testing.Commands.subscribe;
import static org.presenceagent.testing.Commands.subscribeAccepting;
import static org.presenceagent.testing.Rejections.rejection;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.port.Notification;
import org.presenceagent.domain.auth.AuthorizationPolicy;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.event.MediaRange;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;
import org.presenceagent.testing.ApplicationHarness;
import org.presenceagent.testing.Commands;
import org.presenceagent.testing.RecordingResponders;

class SubscribeServiceTest {

  private static final String TIMER = "subscription:" + key("call-1").asText();

  private final ApplicationHarness app = new ApplicationHarness();
  private final SubscribeService service = app.subscribeService();
  private final RecordingResponders.Subscribe responder = new RecordingResponders.Subscribe();

  @Test
  void aNewSubscriptionIsAnsweredThenNotifiedWithState() {
    service.subscribe(subscribe("call-1", BOB, ALICE, 600), responder);

    assertThat(responder.events).containsExactly("localTag", "accept(pending=false, expires=600)");
    assertThat(app.sender.sent()).hasSize(1);
    Notification notify = app.sender.last();
    assertThat(notify.key()).isEqualTo(key("call-1"));
    assertThat(notify.state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(notify.expiresSeconds()).isEqualTo(600);
    assertThat(notify.dialog().localTag()).isEqualTo("our-tag");
    assertThat(notify.body()).hasValueSatisfying(body -> {
      assertThat(body.contentType()).isEqualTo("application/pidf+xml");
      assertThat(new String(body.bytes(), UTF_8)).contains("closed");
    });
    assertThat(app.subscriptions.find(key("call-1"))).isPresent();
    assertThat(app.scheduler.find(TIMER)).hasValueSatisfying(
        timer -> assertThat(timer.when()).isEqualTo(app.clock.instant().plusSeconds(600)));
  }

  @Test
  void aWatcherToConfirmIsAcceptedPendingAndNotifiedWithoutState() {
    ApplicationHarness confirming = new ApplicationHarness(AuthorizationPolicy.confirmAll());

    confirming.subscribeService().subscribe(subscribe("call-1", BOB, ALICE, 600), responder);

    assertThat(responder.events).containsExactly("localTag", "accept(pending=true, expires=600)");
    Notification notify = confirming.sender.last();
    assertThat(notify.state()).isEqualTo(SubscriptionState.PENDING);
    assertThat(notify.body()).isEmpty();
    assertThat(confirming.subscriptions.find(key("call-1"))).isPresent();
  }

  @Test
  void aBlockedWatcherIsForbidden() {
    ApplicationHarness blocking = new ApplicationHarness((watcher, presentity) -> SubHandling.BLOCK);

    RequestRejectedException rejected =
        rejection(responder, () -> blocking.subscribeService().subscribe(subscribe("call-1", BOB, ALICE, 600), responder));

    assertThat(rejected.status()).isEqualTo(403);
    assertThat(responder.accepted).isFalse();
    assertThat(blocking.sender.sent()).isEmpty();
    assertThat(blocking.subscriptions.findAll()).isEmpty();
  }

  @Test
  void anUnknownEventIsBadEventListingTheSupportedOnes() {
    SubscribeCommand dialogEvent = new SubscribeCommand(
        new SubscriptionKey("call-1", "watcher-tag", "dialog", ""), ALICE, BOB, OptionalLong.of(600), false,
        Commands.dialog("call-1", 1, "sip:bob@192.0.2.1"));

    RequestRejectedException rejected = rejection(responder, () -> service.subscribe(dialogEvent, responder));

    assertThat(rejected.status()).isEqualTo(489);
    assertThat(rejected.headers()).containsEntry("Allow-Events", "presence, presence.winfo");
    assertThat(app.sender.sent()).isEmpty();
  }

  @Test
  void anAcceptListingNothingWeProduceIsNotAcceptableListingWhatWeDo() {
    RequestRejectedException rejected = rejection(responder, () -> service.subscribe(
        subscribeAccepting("call-1", BOB, ALICE, 600, List.of(MediaRange.of("text/plain"))), responder));

    assertThat(rejected.status()).isEqualTo(406);
    assertThat(rejected.headers()).containsEntry("Accept",
        "application/pidf+xml, application/cpim-pidf+xml, application/xpidf+xml, application/lpidf+xml");
    assertThat(responder.accepted).isFalse();
    assertThat(app.sender.sent()).isEmpty();
    assertThat(app.subscriptions.findAll()).isEmpty();
  }

  @Test
  void theNegotiatedTypeIsStoredAndKeptOnRefresh() {
    service.subscribe(subscribeAccepting("call-1", BOB, ALICE, 600,
        List.of(new MediaRange("application", "*", 0.5), MediaRange.of("application/cpim-pidf+xml"))), responder);
    service.subscribe(resubscribe("call-1", BOB, ALICE, 600, 2, "sip:bob@192.0.2.1:5060"),
        new RecordingResponders.Subscribe());

    assertThat(app.subscriptions.find(key("call-1")).orElseThrow().contentType())
        .isEqualTo("application/cpim-pidf+xml");
    assertThat(app.sender.sent()).allSatisfy(notify ->
        assertThat(notify.body().orElseThrow().contentType()).isEqualTo("application/cpim-pidf+xml"));
  }

  @Test
  void anExpiryBelowTheMinimumIsIntervalTooBrief() {
    RequestRejectedException rejected = rejection(responder, () -> service.subscribe(subscribe("call-1", BOB, ALICE, 30), responder));

    assertThat(rejected.status()).isEqualTo(423);
    assertThat(rejected.headers()).containsEntry("Min-Expires", "60");
    assertThat(app.subscriptions.findAll()).isEmpty();
  }

  @Test
  void aLongExpiryIsClampedToTheMaximum() {
    service.subscribe(subscribe("call-1", BOB, ALICE, 100_000), responder);

    assertThat(responder.expires).isEqualTo(7200);
    assertThat(app.sender.last().expiresSeconds()).isEqualTo(7200);
  }

  @Test
  void noExpiresGetsTheDefault() {
    service.subscribe(subscribe("call-1", BOB, ALICE, OptionalLong.empty()), responder);

    assertThat(responder.expires).isEqualTo(3600);
  }

  @Test
  void aRefreshExtendsTheSubscriptionAndNotifies() {
    service.subscribe(subscribe("call-1", BOB, ALICE, 600), responder);
    app.clock.advanceSeconds(500);
    RecordingResponders.Subscribe refreshResponder = new RecordingResponders.Subscribe();

    service.subscribe(resubscribe("call-1", BOB, ALICE, 1200, 2, "sip:bob@198.51.100.9"), refreshResponder);

    assertThat(refreshResponder.events).containsExactly("accept(pending=false, expires=1200)");
    assertThat(app.sender.sent()).hasSize(2);
    assertThat(app.sender.last().state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(app.sender.last().expiresSeconds()).isEqualTo(1200);
    assertThat(app.sender.last().dialog().remoteTarget()).isEqualTo("sip:bob@198.51.100.9");
    assertThat(app.sender.last().body()).isPresent();
    assertThat(app.scheduler.find(TIMER)).hasValueSatisfying(
        timer -> assertThat(timer.when()).isEqualTo(app.clock.instant().plusSeconds(1200)));
  }

  @Test
  void anUnsubscribeEndsWithTimeoutRemovesAndCancelsTheTimer() {
    service.subscribe(subscribe("call-1", BOB, ALICE, 600), responder);
    RecordingResponders.Subscribe unsubscribeResponder = new RecordingResponders.Subscribe();

    service.subscribe(resubscribe("call-1", BOB, ALICE, 0, 2, null), unsubscribeResponder);

    assertThat(unsubscribeResponder.events).containsExactly("accept(pending=false, expires=0)");
    Notification last = app.sender.last();
    assertThat(last.state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(last.reason()).contains(TerminationReason.TIMEOUT);
    assertThat(app.subscriptions.find(key("call-1"))).isEmpty();
    assertThat(app.scheduler.find(TIMER)).isEmpty();
    assertThat(app.scheduler.cancelled()).containsExactly(TIMER);
  }

  @Test
  void aFetchIsAnsweredAndNotifiedOnceWithStateAndNothingIsKept() {
    service.subscribe(subscribe("call-1", BOB, ALICE, 0), responder);

    assertThat(responder.events).containsExactly("localTag", "accept(pending=false, expires=0)");
    assertThat(app.sender.sent()).singleElement().satisfies(notify -> {
      assertThat(notify.state()).isEqualTo(SubscriptionState.TERMINATED);
      assertThat(notify.reason()).contains(TerminationReason.TIMEOUT);
      assertThat(notify.body()).isPresent();
    });
    assertThat(app.subscriptions.findAll()).isEmpty();
    assertThat(app.scheduler.scheduled()).isEmpty();
  }

  @Test
  void theDialogCreatingSubscribeAgainStartsTheSubscriptionAfreshInTheNewDialog() {
    service.subscribe(subscribe("call-1", BOB, ALICE, 600), responder);
    RecordingResponders.Subscribe afterRestart = new RecordingResponders.Subscribe();
    afterRestart.tag = "tag-after-restart";

    service.subscribe(subscribe("call-1", BOB, ALICE, 600), afterRestart);

    assertThat(afterRestart.accepted).isTrue();
    assertThat(app.subscriptions.find(key("call-1"))).hasValueSatisfying(
        subscription -> assertThat(subscription.dialog().localTag()).isEqualTo("tag-after-restart"));
    assertThat(app.sender.last().dialog().localTag()).as("the NOTIFY goes in the new dialog")
        .isEqualTo("tag-after-restart");
    assertThat(app.scheduler.find(TIMER)).isPresent();
    assertThat(app.notifyService.notificationsSent(key("call-1"))).as("the old dialog is freed: one NOTIFY in the new")
        .isEqualTo(1);
  }

  @Test
  void anInDialogRequestForAnUnknownSubscriptionIs481() {
    RequestRejectedException rejected =
        rejection(responder, () -> service.subscribe(resubscribe("call-9", BOB, ALICE, 600, 2, null), responder));

    assertThat(rejected.status()).isEqualTo(481);
    assertThat(app.sender.sent()).isEmpty();
  }

  @Test
  void aLowerCseqThanTheStoredOneIs500() {
    service.subscribe(subscribe("call-1", BOB, ALICE, 600), responder);
    service.subscribe(resubscribe("call-1", BOB, ALICE, 600, 5, null), new RecordingResponders.Subscribe());
    app.sender.clear();

    RecordingResponders.Subscribe outOfOrder = new RecordingResponders.Subscribe();
    RequestRejectedException rejected =
        rejection(outOfOrder, () -> service.subscribe(resubscribe("call-1", BOB, ALICE, 600, 3, null), outOfOrder));

    assertThat(rejected.status()).isEqualTo(500);
    assertThat(app.sender.sent()).isEmpty();
    assertThat(app.subscriptions.find(key("call-1")).orElseThrow().dialog().remoteCseq()).isEqualTo(5);
  }

  @Test
  void thePresentityWatchingItselfIsActiveEvenUnderImplicitAuthorization() {
    ApplicationHarness confirming = new ApplicationHarness(AuthorizationPolicy.confirmAll());
    confirming.subscribeService().subscribe(subscribe("call-1", ALICE, ALICE, 600), responder);

    assertThat(responder.pending).isFalse();
    assertThat(confirming.sender.last().state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(confirming.sender.last().body()).isPresent();
  }
}
