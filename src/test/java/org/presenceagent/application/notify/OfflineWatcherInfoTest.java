package org.presenceagent.application.notify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.CAROL;
import static org.presenceagent.testing.Commands.initialPublish;
import static org.presenceagent.testing.Commands.resubscribe;
import static org.presenceagent.testing.Commands.subscribe;
import static org.presenceagent.testing.Commands.subscribeWinfo;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.port.Notification;
import org.presenceagent.application.subscribe.SubscribeCommand;
import org.presenceagent.domain.auth.AuthorizationPolicy;
import org.presenceagent.testing.ApplicationHarness;
import org.presenceagent.testing.ManualExpiryScheduler;
import org.presenceagent.testing.Pidf;
import org.presenceagent.testing.RecordingResponders;

/** Offline watcher information (seed store_winfo/dump_stored_winfo) with an injected clock. */
class OfflineWatcherInfoTest {

  private final ApplicationHarness app = new ApplicationHarness(AuthorizationPolicy.confirmAll());

  private void run(SubscribeCommand command) {
    app.subscribeService().subscribe(command, new RecordingResponders.Subscribe());
  }

  private Notification lastWinfo() {
    return app.sender.sent().stream().filter(n -> n.key().event().equals("presence.winfo"))
        .reduce((first, second) -> second).orElseThrow();
  }

  private static String body(Notification notification) {
    return new String(notification.body().orElseThrow().bytes(), UTF_8);
  }

  @Test
  void aWatcherOfAnOfflinePresentityIsReportedToItsNextWinfoSubscriptionOnlyOnce() {
    // bob subscribes, then gives up: his subscription is gone by the time alice looks, but she learns of it.
    run(subscribe("bob-call", BOB, ALICE, 600));
    run(resubscribe("bob-call", BOB, ALICE, 0, 2, "sip:bob@192.0.2.1:5060"));
    assertThat(app.subscriptions.findAll()).isEmpty();
    assertThat(app.offlineWatcherStore.findByPresentity(ALICE)).hasSize(1);

    app.clock.advance(Duration.ofMinutes(5));
    app.sender.holdAnswers();
    run(subscribeWinfo("winfo-1", ALICE, ALICE, 600));
    Notification first = lastWinfo();
    assertThat(body(first)).contains("state=\"full\"").contains(">sip:bob@example.com</watcher>")
        .contains("status=\"pending\"").contains("duration-subscribed=\"300\"");
    assertThat(app.offlineWatcherStore.findByPresentity(ALICE)).as("kept until the NOTIFY is answered").hasSize(1);

    app.sender.answerAll();
    assertThat(app.offlineWatcherStore.findByPresentity(ALICE)).isEmpty();

    run(subscribeWinfo("winfo-2", ALICE, ALICE, 600));
    assertThat(body(lastWinfo())).doesNotContain("sip:bob@example.com");
  }

  @Test
  void nothingIsStoredWhenThePresentityIsOnlineOrAlreadyWatchingItsWatchers() {
    app.publishService().publish(initialPublish(ALICE, Pidf.tuple(ALICE.uri(), "t", "open"), 600),
        new RecordingResponders.Publish());
    run(subscribe("bob-call", BOB, ALICE, 600));
    assertThat(app.offlineWatcherStore.findByPresentity(ALICE)).isEmpty();

    run(subscribeWinfo("winfo-1", CAROL, CAROL, 600));
    run(subscribe("bob-carol", BOB, CAROL, 600));
    assertThat(app.offlineWatcherStore.findByPresentity(CAROL)).as("carol was told at once").isEmpty();
  }

  @Test
  void storedWatchersExpireOnTheTimerAfterTheConfiguredTime() {
    ManualExpiryScheduler scheduler = new ManualExpiryScheduler(app.clock);
    app.offlineWatchers.startExpiryTimer(scheduler, Duration.ofHours(1));
    run(subscribe("bob-call", BOB, ALICE, 600));
    app.clock.advance(Duration.ofHours(12));
    run(subscribe("carol-call", CAROL, ALICE, 600));

    app.clock.advance(Duration.ofHours(13)); // bob's entry is 25 h old, carol's 13 h
    scheduler.runDue();

    assertThat(app.offlineWatcherStore.findByPresentity(ALICE)).extracting(w -> w.watcher().uri())
        .containsExactly("sip:carol@example.com");
    assertThat(scheduler.find("offline-winfo-expiry")).as("the timer runs again").isPresent();
    assertThat(List.of(app.offlineWatchers.expire())).containsExactly(0);
  }
}
