package org.presenceagent.application.notify;

import org.presenceagent.application.port.Notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.CAROL;
import static org.presenceagent.testing.Commands.key;
import static org.presenceagent.testing.Commands.subscribe;

import org.junit.jupiter.api.Test;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.testing.ApplicationHarness;
import org.presenceagent.testing.RecordingResponders;

class NotifyServiceTest {

  private final ApplicationHarness app =
      new ApplicationHarness((watcher, presentity) -> watcher.equals(CAROL) ? SubHandling.CONFIRM : SubHandling.ALLOW);

  private void watch(String callId, Aor watcher) {
    app.subscribeService().subscribe(subscribe(callId, watcher, ALICE, 600), new RecordingResponders.Subscribe());
  }

  @Test
  void aNotifyThatCannotBeSentRemovesTheSubscription() {
    watch("bob-call", BOB);
    app.sender.failFromNowOn();

    app.notifyService.notifyWatchers(ALICE, "presence");

    assertThat(app.subscriptions.find(key("bob-call"))).isEmpty();
  }

  @Test
  void aFirstNotifyThatCannotBeSentLeavesNoSubscription() {
    app.sender.failFromNowOn();

    watch("bob-call", BOB);

    assertThat(app.subscriptions.findAll()).isEmpty();
  }

  @Test
  void eachNotifyOfADialogHasTheNextCseq() {
    watch("bob-call", BOB);

    app.notifyService.notifyWatchers(ALICE, "presence");

    assertThat(app.sender.sent()).extracting(Notification::cseq).containsExactly(1L, 2L);
    assertThat(app.notifyService.notificationsSent(key("bob-call"))).isEqualTo(2);
  }

  @Test
  void onlyActiveWatchersAreToldOfAChange() {
    watch("bob-call", BOB);
    watch("carol-call", CAROL);
    app.sender.clear();

    app.notifyService.notifyWatchers(ALICE, "presence");

    assertThat(app.sender.sent()).singleElement()
        .satisfies(notify -> assertThat(notify.key()).isEqualTo(key("bob-call")));
  }
}
