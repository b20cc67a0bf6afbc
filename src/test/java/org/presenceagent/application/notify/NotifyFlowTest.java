package org.presenceagent.application.notify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.key;
import static org.presenceagent.testing.Commands.subscribe;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.port.Notification;
import org.presenceagent.application.publish.PublishService;
import org.presenceagent.application.subscribe.CseqReservation;
import org.presenceagent.application.subscribe.SubscribeCommand;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.subscription.NotifyRate;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.testing.ApplicationHarness;
import org.presenceagent.testing.Commands;
import org.presenceagent.testing.Pidf;
import org.presenceagent.testing.RecordingResponders;

/**
 * How NOTIFYs leave one dialog: one in flight (RFC 6665 section 4.2.2), what arrives meanwhile
 * merged into the next, RFC 6446 rate control, CSeqs that keep climbing.
 */
class NotifyFlowTest {

  private final ApplicationHarness app = new ApplicationHarness();
  private final PublishService publish = app.publishService();
  private ETag etag;

  private void bobSubscribes(NotifyRate rate) {
    SubscribeCommand plain = subscribe("bob-call", BOB, ALICE, 600);
    app.subscribeService().subscribe(new SubscribeCommand(plain.key(), ALICE, BOB, OptionalLong.of(600), false,
        plain.dialog(), plain.accept(), plain.watcherDisplayName(), rate), new RecordingResponders.Subscribe());
  }

  private void alicePublishes(String note) {
    RecordingResponders.Publish responder = new RecordingResponders.Publish();
    byte[] document = Pidf.tuple(ALICE.uri(), note, "open");
    publish.publish(etag == null ? Commands.initialPublish(ALICE, document, 3600)
        : Commands.modify(ALICE, etag, document, 3600), responder);
    etag = responder.last().etag();
  }

  private static String body(Notification notification) {
    return new String(notification.body().orElseThrow().bytes(), UTF_8);
  }

  @Test
  void changesWhileANotifyIsUnansweredAreMergedIntoTheNextOne() {
    bobSubscribes(NotifyRate.NONE);
    app.sender.holdAnswers();
    alicePublishes("first");
    assertThat(app.sender.sent()).hasSize(2);

    alicePublishes("second");
    alicePublishes("third");
    alicePublishes("fourth");
    assertThat(app.sender.sent()).as("nothing more while the NOTIFY is unanswered").hasSize(2);

    app.sender.answerAll();

    List<Notification> sent = app.sender.sent();
    assertThat(sent).as("the three changes in one NOTIFY").hasSize(3);
    assertThat(body(sent.get(2))).contains("fourth").doesNotContain("second").doesNotContain("third");
    assertThat(sent).extracting(Notification::cseq).containsExactly(1L, 2L, 3L);
  }

  @Test
  void theFinalNotifyIsNeverMergedAway() {
    bobSubscribes(NotifyRate.NONE);
    app.sender.holdAnswers();
    alicePublishes("first");
    app.subscribeService().subscribe(Commands.resubscribe("bob-call", BOB, ALICE, 0, 2, null),
        new RecordingResponders.Subscribe());
    alicePublishes("after the end");

    app.sender.answerAll();

    Notification last = app.sender.last();
    assertThat(last.state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(app.sender.sent()).hasSize(3);
  }

  @Test
  void maxRateHoldsChangesBackAndSendsTheLatestWhenTheIntervalIsOver() {
    bobSubscribes(new NotifyRate(OptionalDouble.empty(), OptionalDouble.of(0.5), OptionalDouble.empty()));
    assertThat(app.sender.last().rate().maxRate()).hasValue(0.5);

    alicePublishes("first");
    alicePublishes("second");
    assertThat(app.sender.sent()).as("held back for 1/max-rate = 2 s").hasSize(1);

    app.clock.advance(Duration.ofSeconds(2));
    app.scheduler.runDue();

    assertThat(app.sender.sent()).hasSize(2);
    assertThat(body(app.sender.last())).contains("second");
  }

  @Test
  void theNotifiesASubscribeCausesAreNotHeldBackByMaxRate() {
    bobSubscribes(new NotifyRate(OptionalDouble.empty(), OptionalDouble.of(0.1), OptionalDouble.empty()));

    app.subscribeService().subscribe(Commands.resubscribe("bob-call", BOB, ALICE, 600, 2, null),
        new RecordingResponders.Subscribe());

    assertThat(app.sender.sent()).as("RFC 6446 section 5.2: a SUBSCRIBE's NOTIFY goes at once").hasSize(2);
  }

  @Test
  void minRateSendsTheCurrentStateWhenNothingChanged() {
    bobSubscribes(new NotifyRate(OptionalDouble.of(0.2), OptionalDouble.empty(), OptionalDouble.empty()));

    app.clock.advance(Duration.ofSeconds(5));
    app.scheduler.runDue();
    app.clock.advance(Duration.ofSeconds(5));
    app.scheduler.runDue();

    assertThat(app.sender.sent()).as("one every 1/min-rate = 5 s").hasSize(3);
    assertThat(app.sender.last().state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(app.sender.last().rate().minRate()).hasValue(0.2);
  }

  @Test
  void anEndedSubscriptionStopsTheMinimumRate() {
    bobSubscribes(new NotifyRate(OptionalDouble.of(1), OptionalDouble.empty(), OptionalDouble.empty()));
    app.subscribeService().subscribe(Commands.resubscribe("bob-call", BOB, ALICE, 0, 2, null),
        new RecordingResponders.Subscribe());

    app.clock.advance(Duration.ofSeconds(10));
    app.scheduler.runDue();

    assertThat(app.sender.sent()).hasSize(2);
  }

  @Test
  void aDialogThatUsesUpHalfItsCseqReservationGetsANewOne() {
    bobSubscribes(NotifyRate.NONE);
    long ceiling = app.subscriptions.find(key("bob-call")).orElseThrow().cseqCeiling();

    for (int i = 0; i < Subscription.CSEQ_RESERVATION / 2 + 1; i++) {
      alicePublishes("change " + i);
    }

    Subscription stored = app.subscriptions.find(key("bob-call")).orElseThrow();
    assertThat(stored.cseqCeiling()).isGreaterThan(ceiling);
    assertThat(stored.cseqCeiling()).isGreaterThan(app.sender.last().cseq() + Subscription.CSEQ_RESERVATION / 2);
  }

  @Test
  void aDialogNeverSendsACseqAboveItsStoredCeilingAndGoesOnOnceAHigherOneIsStored() {
    bobSubscribes(NotifyRate.NONE);
    long ceiling = app.subscriptions.find(key("bob-call")).orElseThrow().cseqCeiling();
    CseqReservation working = new CseqReservation(app.subscriptions, app.units, app.sequencer);
    boolean[] databaseUp = {false};
    app.notifyService.connect(key -> { }, (key, cseq, version) -> databaseUp[0]
        ? working.reserve(key, cseq, version)
        : CompletableFuture.failedFuture(new IllegalStateException("database down")));

    for (int i = 0; i < Subscription.CSEQ_RESERVATION + 10; i++) {
      alicePublishes("change " + i);
    }

    // a crash now restores the dialog at the stored ceiling: nothing above it may have gone out
    assertThat(app.sender.last().cseq()).isEqualTo(ceiling);
    int sentWhileDown = app.sender.sent().size();

    databaseUp[0] = true;
    alicePublishes("after the outage");

    assertThat(app.sender.sent()).hasSize(sentWhileDown + 1);
    assertThat(app.sender.last().cseq()).isEqualTo(ceiling + 1);
    assertThat(body(app.sender.last())).contains("after_the_outage");
    assertThat(app.subscriptions.find(key("bob-call")).orElseThrow().cseqCeiling()).isGreaterThan(ceiling + 1);
  }

  @Test
  void theFinalNotifyOfADialogAtItsCeilingGoesOutWithoutAReservation() {
    bobSubscribes(NotifyRate.NONE);
    long ceiling = app.subscriptions.find(key("bob-call")).orElseThrow().cseqCeiling();
    app.notifyService.connect(key -> { },
        (key, cseq, version) -> CompletableFuture.failedFuture(new IllegalStateException("database down")));
    for (int i = 0; i < Subscription.CSEQ_RESERVATION + 10; i++) {
      alicePublishes("change " + i);
    }

    app.subscribeService().subscribe(Commands.resubscribe("bob-call", BOB, ALICE, 0, 2, null),
        new RecordingResponders.Subscribe());

    assertThat(app.sender.last().state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(app.sender.last().cseq()).isEqualTo(ceiling + 1);
  }
}
