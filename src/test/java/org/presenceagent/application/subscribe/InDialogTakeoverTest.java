package org.presenceagent.application.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.key;
import static org.presenceagent.testing.Commands.resubscribe;
import static org.presenceagent.testing.Commands.subscribe;
import static org.presenceagent.testing.Rejections.rejection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.port.Notification;
import org.presenceagent.application.port.OrphanedDialogs;
import org.presenceagent.domain.shared.UnitOfWork;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;
import org.presenceagent.testing.ApplicationHarness;
import org.presenceagent.testing.RecordingResponders;

/**
 * An in-dialog SUBSCRIBE for a dialog this node does not hold (docs/scale-out.md, "Ownership of
 * subscriptions"): the dialog is taken over when its owner's lease lapsed and the request is served
 * as a refresh here; a live owner's dialog gets 503 with Retry-After; an unknown one 481.
 */
class InDialogTakeoverTest {

  private static final String TIMER = "subscription:" + key("call-1").asText();

  private final ApplicationHarness app = new ApplicationHarness();
  private final FakeOrphans orphans = new FakeOrphans();
  private final SubscribeService service = app.subscribeService(orphans);
  /** The first NOTIFY of the dialog, sent by "the other node" before this one held it. */
  private Notification firstNotify;

  @BeforeEach
  void anotherNodeOwnedTheDialog() {
    service.subscribe(subscribe("call-1", BOB, ALICE, 600), new RecordingResponders.Subscribe());
    firstNotify = app.sender.last();
    Subscription held = app.subscriptions.find(key("call-1")).orElseThrow();
    // As the row reads back: its local CSeq is the reserved ceiling, above every CSeq sent.
    orphans.stored = held.reservedAbove(held.cseqCeiling(), held.versionCeiling());
    // As a node that does not hold the dialog: nothing in memory, no timer, no NOTIFY state.
    app.subscriptions.evictAll();
    app.subscriptionTimers.cancel(held);
    app.notifyService.forget(key("call-1"));
  }

  @Test
  void aRefreshOfAnOrphanedDialogIsServedHereInTheSameDialog() {
    orphans.outcome = OrphanedDialogs.Outcome.ADOPTED;
    RecordingResponders.Subscribe responder = new RecordingResponders.Subscribe();

    service.subscribe(resubscribe("call-1", BOB, ALICE, 1200, 2, "sip:bob@198.51.100.9"), responder);

    assertThat(orphans.asked).containsExactly(key("call-1"));
    assertThat(responder.events).containsExactly("accept(pending=false, expires=1200)");
    Notification notify = app.sender.last();
    assertThat(notify.key()).isEqualTo(key("call-1"));
    assertThat(notify.dialog().localTag()).isEqualTo(firstNotify.dialog().localTag());
    assertThat(notify.dialog().remoteTarget()).isEqualTo("sip:bob@198.51.100.9");
    assertThat(notify.cseq()).as("above everything the old owner sent").isGreaterThan(firstNotify.cseq());
    assertThat(notify.state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(app.subscriptions.find(key("call-1"))).hasValueSatisfying(
        held -> assertThat(held.dialog().remoteCseq()).isEqualTo(2));
    assertThat(app.scheduler.find(TIMER)).hasValueSatisfying(
        timer -> assertThat(timer.when()).isEqualTo(app.clock.instant().plusSeconds(1200)));
    assertThat(orphans.refused).isZero();
  }

  @Test
  void anUnsubscribeOfAnOrphanedDialogEndsItHere() {
    orphans.outcome = OrphanedDialogs.Outcome.ADOPTED;
    RecordingResponders.Subscribe responder = new RecordingResponders.Subscribe();

    service.subscribe(resubscribe("call-1", BOB, ALICE, 0, 2, null), responder);

    assertThat(responder.events).containsExactly("accept(pending=false, expires=0)");
    Notification last = app.sender.last();
    assertThat(last.state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(last.reason()).contains(TerminationReason.TIMEOUT);
    assertThat(last.cseq()).isGreaterThan(firstNotify.cseq());
    assertThat(app.subscriptions.find(key("call-1"))).isEmpty();
    assertThat(app.scheduler.find(TIMER)).isEmpty();
  }

  @Test
  void anAdoptedDialogKeepsItsCseqCheck() {
    orphans.outcome = OrphanedDialogs.Outcome.ADOPTED;
    service.subscribe(resubscribe("call-1", BOB, ALICE, 600, 5, null), new RecordingResponders.Subscribe());
    int sent = app.sender.sent().size();
    RecordingResponders.Subscribe outOfOrder = new RecordingResponders.Subscribe();

    RequestRejectedException rejected =
        rejection(outOfOrder, () -> service.subscribe(resubscribe("call-1", BOB, ALICE, 600, 3, null), outOfOrder));

    assertThat(rejected.status()).isEqualTo(500);
    assertThat(orphans.asked).as("held now: the port is not asked again").hasSize(1);
    assertThat(app.sender.sent()).hasSize(sent);
  }

  @Test
  void aDialogOfALiveOwnerIs503WithRetryAfterAndCounted() {
    orphans.outcome = OrphanedDialogs.Outcome.OWNER_ALIVE;
    int sent = app.sender.sent().size();
    RecordingResponders.Subscribe responder = new RecordingResponders.Subscribe();

    RequestRejectedException rejected = rejection(responder,
        () -> service.subscribe(resubscribe("call-1", BOB, ALICE, 600, 2, null), responder));

    assertThat(rejected.status()).isEqualTo(503);
    assertThat(rejected.headers()).containsEntry("Retry-After", "3");
    assertThat(orphans.refused).isEqualTo(1);
    assertThat(responder.accepted).isFalse();
    assertThat(app.sender.sent()).hasSize(sent);
    assertThat(app.subscriptions.findAll()).isEmpty();
    assertThat(app.scheduler.find(TIMER)).isEmpty();
  }

  @Test
  void aDatabaseFailureWhileAskingIs503WithRetryAfterNot500() {
    orphans.failure = new IllegalStateException("connection refused (the shared database is restarting)");
    int sent = app.sender.sent().size();
    RecordingResponders.Subscribe responder = new RecordingResponders.Subscribe();

    RequestRejectedException rejected = rejection(responder,
        () -> service.subscribe(resubscribe("call-1", BOB, ALICE, 600, 2, null), responder));

    assertThat(rejected.status()).as("the request is fine; the server cannot serve it now").isEqualTo(503);
    assertThat(rejected.headers()).containsEntry("Retry-After", "3");
    assertThat(orphans.asked).containsExactly(key("call-1"));
    assertThat(orphans.refused).as("not a live owner's dialog").isZero();
    assertThat(responder.accepted).isFalse();
    assertThat(app.sender.sent()).hasSize(sent);
    assertThat(app.subscriptions.findAll()).isEmpty();
    assertThat(app.scheduler.find(TIMER)).isEmpty();
  }

  @Test
  void aPortThatThrowsInsteadOfFailingItsStageIs503Too() {
    orphans.failure = new IllegalStateException("pool closed");
    orphans.throwAtOnce = true;
    RecordingResponders.Subscribe responder = new RecordingResponders.Subscribe();

    RequestRejectedException rejected = rejection(responder,
        () -> service.subscribe(resubscribe("call-1", BOB, ALICE, 0, 2, null), responder));

    assertThat(rejected.status()).isEqualTo(503);
    assertThat(rejected.headers()).containsEntry("Retry-After", "3");
  }

  @Test
  void aDialogNobodyHasIs481() {
    orphans.outcome = OrphanedDialogs.Outcome.UNKNOWN;
    RecordingResponders.Subscribe responder = new RecordingResponders.Subscribe();

    RequestRejectedException rejected = rejection(responder,
        () -> service.subscribe(resubscribe("call-9", BOB, ALICE, 600, 2, null), responder));

    assertThat(rejected.status()).isEqualTo(481);
    assertThat(orphans.asked).containsExactly(key("call-9"));
    assertThat(orphans.refused).isZero();
  }

  @Test
  void aSingleNodeAnswersAtOnceThatItKnowsNoOtherOwner() {
    assertThat(OrphanedDialogs.NONE.takeOverIfOrphaned(key("call-1")).toCompletableFuture())
        .isCompletedWithValue(OrphanedDialogs.Outcome.UNKNOWN);
  }

  /** The other node's stored row, taken over as a cluster node would: loaded into memory and timed. */
  private final class FakeOrphans implements OrphanedDialogs {
    Outcome outcome;
    Subscription stored;
    /** What asking the database fails with (a cluster node's statement threads report it through the stage). */
    RuntimeException failure;
    boolean throwAtOnce;
    final List<SubscriptionKey> asked = new ArrayList<>();
    int refused;

    @Override
    public CompletionStage<Outcome> takeOverIfOrphaned(SubscriptionKey key) {
      asked.add(key);
      if (failure != null) {
        if (throwAtOnce) {
          throw failure;
        }
        return CompletableFuture.failedFuture(failure);
      }
      if (outcome == Outcome.ADOPTED) {
        UnitOfWork work = app.units.begin();
        app.subscriptions.save(work, stored);
        return work.commit().thenApply(ignored -> {
          app.subscriptionTimers.schedule(stored);
          return outcome;
        });
      }
      return CompletableFuture.completedFuture(outcome);
    }

    @Override
    public Duration retryAfter() {
      return Duration.ofSeconds(3);
    }

    @Override
    public void ownerAlive() {
      refused++;
    }
  }
}
