package org.presenceagent.application.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.key;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.document.winfo.WatcherInfoCodec;
import org.presenceagent.domain.auth.AuthorizationPolicy;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.NotifyRate;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.testing.ApplicationHarness;

/** notify_offline_body: a closed document, or no body, for a presentity without any state. */
class NotifyOfflineBodyTest {

  private final ApplicationHarness app = new ApplicationHarness();

  private NotifyService notifier(boolean offlineBody) {
    return new NotifyService(PresentityState.publicationsOnly(app.publications, app.codec, app.clock),
        app.subscriptions, app.codec, app.sender, AuthorizationPolicy.allowAll(), new WatcherInfoCodec(),
        app.offlineWatchers, presentity -> Optional.empty(), app.clock, offlineBody, SphereChanges.NONE, Runnable::run,
        app.scheduler);
  }

  private Subscription activeWatcher() {
    return Subscription.create(key("bob-call"), ALICE, BOB, Optional.empty(), "application/pidf+xml",
        new DialogState("bob-call", "ours", "theirs", "sip:bob@10.0.0.2", List.of(), 1, 0, "udp"),
        true, Duration.ofSeconds(600), NotifyRate.NONE, app.clock);
  }

  @Test
  void byDefaultAPresentityWithoutStateIsOneClosedTuple() {
    notifier(true).notifySubscription(activeWatcher(), true);

    assertThat(app.sender.last().body()).isPresent();
    assertThat(new String(app.sender.last().body().get().bytes(), StandardCharsets.UTF_8))
        .contains("closed");
  }

  @Test
  void withoutOfflineBodyTheNotifyHasNoBody() {
    notifier(false).notifySubscription(activeWatcher(), true);

    assertThat(app.sender.last().body()).isEmpty();
  }
}
