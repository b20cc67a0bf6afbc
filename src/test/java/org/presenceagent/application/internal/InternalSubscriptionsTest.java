package org.presenceagent.application.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.CAROL;
import static org.presenceagent.testing.Commands.initialPublish;
import static org.presenceagent.testing.Commands.modify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;
import org.presenceagent.testing.ApplicationHarness;
import org.presenceagent.testing.Pidf;
import org.presenceagent.testing.RecordingResponders;

/** Internal subscriptions: SIP watchers' authorization and notifications, delivered to a callback. */
class InternalSubscriptionsTest {

  private final Map<Aor, SubHandling> rules = new ConcurrentHashMap<>();
  private final ApplicationHarness app =
      new ApplicationHarness((watcher, presentity) -> rules.getOrDefault(watcher, SubHandling.CONFIRM));
  private final InternalSubscriptions internal = new InternalSubscriptions(true, (watcher, presentity) ->
      rules.getOrDefault(watcher, SubHandling.CONFIRM), app.notifyService);
  private final List<PresenceUpdate> updates = new CopyOnWriteArrayList<>();

  InternalSubscriptionsTest() {
    app.notifyService.observe(internal);
  }

  /** Publishes a document whose tuple id marks it. */
  private ETag publish(String tupleId) {
    RecordingResponders.Publish responder = new RecordingResponders.Publish();
    app.publishService().publish(initialPublish(ALICE, Pidf.tuple(ALICE.uri(), tupleId, "open"), 600), responder);
    return responder.last().etag();
  }

  private static String document(PresenceUpdate update) {
    return new String(update.document().orElseThrow().bytes(), UTF_8);
  }

  private PresenceUpdate last() {
    return updates.get(updates.size() - 1);
  }

  @Test
  void anAllowedWatcherGetsTheDocumentAtOnceAndAfterEveryChange() {
    rules.put(BOB, SubHandling.ALLOW);
    ETag etag = publish("at-my-desk");

    InternalSubscription subscription = internal.subscribe(ALICE, BOB, updates::add);

    assertThat(subscription.state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(updates).singleElement().satisfies(update -> {
      assertThat(update.presentity()).isEqualTo(ALICE);
      assertThat(update.watcher()).isEqualTo(BOB);
      assertThat(update.state()).isEqualTo(SubscriptionState.ACTIVE);
      assertThat(update.document().orElseThrow().contentType()).isEqualTo("application/pidf+xml");
      assertThat(document(update)).contains("at-my-desk");
    });

    app.publishService().publish(modify(ALICE, etag, Pidf.tuple(ALICE.uri(), "in-a-meeting", "open"), 600),
        new RecordingResponders.Publish());

    assertThat(updates).hasSize(2);
    assertThat(document(last())).contains("in-a-meeting").doesNotContain("at-my-desk");
  }

  @Test
  void aCallbackMayCancelItsOwnSubscriptionWhileBeingTold() {
    rules.put(BOB, SubHandling.ALLOW);
    InternalSubscription[] own = new InternalSubscription[1];
    own[0] = internal.subscribe(ALICE, BOB, update -> {
      updates.add(update);
      if (update.document().isPresent() && own[0] != null && update.state() == SubscriptionState.ACTIVE
          && updates.size() > 1) {
        own[0].cancel(); // from within the delivery, in the presentity's turn
      }
    });

    publish("at-my-desk");

    assertThat(own[0].state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(last().state()).isEqualTo(SubscriptionState.TERMINATED);
  }

  @Test
  void aWatcherToBeConfirmedIsPendingWithoutStateUntilTheRulesAllowIt() {
    publish("at-my-desk");

    InternalSubscription subscription = internal.subscribe(ALICE, BOB, updates::add);
    assertThat(subscription.state()).isEqualTo(SubscriptionState.PENDING);
    assertThat(last().document()).isEmpty();

    publish("still-pending");
    assertThat(updates).as("a pending watcher is told nothing of changes").hasSize(1);

    rules.put(BOB, SubHandling.ALLOW);
    app.authorizeService().authorize(ALICE);

    assertThat(last().state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(document(last())).contains("<basic>open</basic>");
  }

  @Test
  void aPolitelyBlockedWatcherSeesTheNeutralDocument() {
    rules.put(BOB, SubHandling.POLITE_BLOCK);
    publish("secret");

    internal.subscribe(ALICE, BOB, updates::add);

    assertThat(last().state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(document(last())).contains("<basic>closed</basic>").doesNotContain("secret");
  }

  @Test
  void aBlockedWatcherIsRejectedAtOnceAndLaterOnes() {
    rules.put(BOB, SubHandling.BLOCK);
    InternalSubscription refused = internal.subscribe(ALICE, BOB, updates::add);
    assertThat(refused.state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(last().reason()).contains(TerminationReason.REJECTED);

    rules.put(CAROL, SubHandling.ALLOW);
    List<PresenceUpdate> carol = new CopyOnWriteArrayList<>();
    internal.subscribe(ALICE, CAROL, carol::add);
    rules.put(CAROL, SubHandling.BLOCK);
    app.authorizeService().authorize(ALICE);

    assertThat(carol).last().satisfies(update -> {
      assertThat(update.state()).isEqualTo(SubscriptionState.TERMINATED);
      assertThat(update.reason()).contains(TerminationReason.REJECTED);
      assertThat(update.document()).isEmpty();
    });
    publish("after-the-block");
    assertThat(carol).as("no update after the end").hasSize(2);
  }

  @Test
  void anActiveWatcherNowToBeConfirmedIsDeactivatedNotPutBackToPending() {
    rules.put(BOB, SubHandling.ALLOW);
    internal.subscribe(ALICE, BOB, updates::add);

    rules.put(BOB, SubHandling.CONFIRM);
    app.authorizeService().authorize(ALICE);

    assertThat(last().state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(last().reason()).contains(TerminationReason.DEACTIVATED);
  }

  @Test
  void aRulesChangeThatChangesNothingDeliversNothing() {
    rules.put(BOB, SubHandling.ALLOW);
    publish("unchanged");
    internal.subscribe(ALICE, BOB, updates::add);

    app.authorizeService().authorize(ALICE);

    assertThat(updates).hasSize(1);
  }

  @Test
  void cancellingEndsWithTimeoutAndStopsTheUpdates() {
    rules.put(BOB, SubHandling.ALLOW);
    InternalSubscription subscription = internal.subscribe(ALICE, BOB, updates::add);

    subscription.cancel();
    subscription.cancel();
    publish("after-cancel");

    assertThat(updates).hasSize(2);
    assertThat(last().state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(last().reason()).contains(TerminationReason.TIMEOUT);
  }

  @Test
  void aCallbackThatThrowsLosesItsSubscriptionWithoutDisturbingOthers() {
    rules.put(BOB, SubHandling.ALLOW);
    rules.put(CAROL, SubHandling.ALLOW);
    List<PresenceUpdate> failing = new CopyOnWriteArrayList<>();
    InternalSubscription broken = internal.subscribe(ALICE, CAROL, update -> {
      failing.add(update);
      if (failing.size() > 1) {
        throw new IllegalStateException("consumer broke");
      }
    });
    internal.subscribe(ALICE, BOB, updates::add);

    publish("first-change");
    publish("second-change");

    assertThat(broken.state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(failing).hasSize(2);
    assertThat(updates).hasSize(3);
    assertThat(document(last())).contains("second-change");
  }

  @Test
  void closingEndsEverySubscriptionDeactivated() {
    rules.put(BOB, SubHandling.ALLOW);
    InternalSubscription subscription = internal.subscribe(ALICE, BOB, updates::add);

    internal.close();

    assertThat(subscription.state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(last().reason()).contains(TerminationReason.DEACTIVATED);
  }

  @Test
  void refusedWhenNotAccepted() {
    InternalSubscriptions disabled =
        new InternalSubscriptions(false, (watcher, presentity) -> SubHandling.ALLOW, app.notifyService);

    assertThatThrownBy(() -> disabled.subscribe(ALICE, BOB, updates::add))
        .isInstanceOf(InternalSubscriptionsDisabledException.class)
        .hasMessageContaining("accept_internal_subscriptions=1");
    assertThat(updates).isEmpty();
  }
}
