package org.presenceagent.application.authorize;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.CAROL;
import static org.presenceagent.testing.Commands.initialPublish;
import static org.presenceagent.testing.Commands.key;
import static org.presenceagent.testing.Commands.subscribe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.port.Notification;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;
import org.presenceagent.testing.ApplicationHarness;
import org.presenceagent.testing.Pidf;
import org.presenceagent.testing.RecordingResponders;

/** Re-evaluation of live subscriptions when a presentity's rules change. */
class AuthorizeServiceTest {

  private final Map<Aor, SubHandling> rules = new ConcurrentHashMap<>();
  private final ApplicationHarness app =
      new ApplicationHarness((watcher, presentity) -> rules.getOrDefault(watcher, SubHandling.CONFIRM));

  private RecordingResponders.Subscribe watch(String callId, Aor watcher) {
    RecordingResponders.Subscribe responder = new RecordingResponders.Subscribe();
    app.subscribeService().subscribe(subscribe(callId, watcher, ALICE, 600), responder);
    return responder;
  }

  private static String body(Notification notification) {
    return new String(notification.body().orElseThrow().bytes(), UTF_8);
  }

  @Test
  void aPendingWatcherAllowedLaterGetsAnActiveNotifyWithTheDocument() {
    app.publishService().publish(initialPublish(ALICE, Pidf.tuple(ALICE.uri(), "t1", "open"), 600),
        new RecordingResponders.Publish());
    assertThat(watch("bob-call", BOB).pending).isTrue();
    app.sender.clear();

    rules.put(BOB, SubHandling.ALLOW);
    app.authorizeService().authorize(ALICE);

    Notification notify = app.sender.last();
    assertThat(notify.state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(body(notify)).contains("<basic>open</basic>");
    assertThat(app.subscriptions.find(key("bob-call")).orElseThrow().isActive()).isTrue();
  }

  @Test
  void aBlockedWatcherIsTerminatedRejectedWithoutState() {
    rules.put(BOB, SubHandling.ALLOW);
    watch("bob-call", BOB);
    app.sender.clear();

    rules.put(BOB, SubHandling.BLOCK);
    app.authorizeService().authorize(ALICE);

    Notification notify = app.sender.last();
    assertThat(notify.state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(notify.reason()).contains(TerminationReason.REJECTED);
    assertThat(notify.body()).isEmpty();
    assertThat(app.subscriptions.find(key("bob-call"))).isEmpty();
  }

  @Test
  void anActiveWatcherToBeConfirmedAgainIsDeactivated() {
    rules.put(BOB, SubHandling.ALLOW);
    watch("bob-call", BOB);
    app.sender.clear();

    rules.remove(BOB);
    app.authorizeService().authorize(ALICE);

    assertThat(app.sender.last().reason()).contains(TerminationReason.DEACTIVATED);
    assertThat(app.subscriptions.find(key("bob-call"))).isEmpty();
  }

  @Test
  void aStillPendingWatcherIsLeftAlone() {
    watch("carol-call", CAROL);
    app.sender.clear();

    app.authorizeService().authorize(ALICE);

    assertThat(app.sender.sent()).isEmpty();
    assertThat(app.subscriptions.find(key("carol-call")).orElseThrow().state()).isEqualTo(SubscriptionState.PENDING);
  }

  @Test
  void aPolitelyBlockedWatcherIsActiveButOnlyEverSeesAClosedDocument() {
    app.publishService().publish(initialPublish(ALICE, Pidf.tuple(ALICE.uri(), "t1", "open"), 600),
        new RecordingResponders.Publish());
    rules.put(BOB, SubHandling.POLITE_BLOCK);
    rules.put(CAROL, SubHandling.ALLOW);

    assertThat(watch("bob-call", BOB).pending).isFalse();
    assertThat(body(app.sender.last())).contains("<basic>closed</basic>").doesNotContain("open");
    watch("carol-call", CAROL);
    app.sender.clear();

    app.publishService().publish(initialPublish(ALICE, Pidf.tuple(ALICE.uri(), "t2", "open"), 600),
        new RecordingResponders.Publish());

    assertThat(app.sender.sent()).hasSize(2).allSatisfy(n -> assertThat(n.state()).isEqualTo(SubscriptionState.ACTIVE));
    Notification toBob = app.sender.sent().stream().filter(n -> n.key().equals(key("bob-call"))).findFirst().orElseThrow();
    Notification toCarol = app.sender.sent().stream().filter(n -> n.key().equals(key("carol-call"))).findFirst().orElseThrow();
    assertThat(body(toBob)).doesNotContain("<basic>open</basic>");
    assertThat(body(toCarol)).contains("<basic>open</basic>");

    rules.put(BOB, SubHandling.ALLOW);
    app.sender.clear();
    app.authorizeService().authorize(ALICE);
    Notification nowAllowed = app.sender.sent().stream().filter(n -> n.key().equals(key("bob-call"))).findFirst().orElseThrow();
    assertThat(body(nowAllowed)).contains("<basic>open</basic>");
  }

  @Test
  void anActiveWatcherNoLongerAllowedSeesNothingEvenBeforeReevaluation() {
    // E.g. the rules cannot be read (XCAP server down after a restart): fail closed.
    rules.put(BOB, SubHandling.ALLOW);
    watch("bob-call", BOB);
    rules.remove(BOB);
    app.sender.clear();

    app.publishService().publish(initialPublish(ALICE, Pidf.tuple(ALICE.uri(), "t1", "open"), 600),
        new RecordingResponders.Publish());

    assertThat(body(app.sender.last())).contains("<basic>closed</basic>").doesNotContain("<basic>open</basic>");
  }
}
