package org.presenceagent.application.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.key;
import static org.presenceagent.testing.Commands.subscribe;

import org.junit.jupiter.api.Test;
import org.presenceagent.domain.auth.AuthorizationPolicies;
import org.presenceagent.domain.auth.AuthorizationPolicy;
import org.presenceagent.testing.ApplicationHarness;
import org.presenceagent.testing.RecordingResponders;

class StaleSubscriptionsTest {

  private final ApplicationHarness app = new ApplicationHarness();

  private SubscribeService service(boolean deleteSameSubs) {
    return new SubscribeService(app.eventPackages, () -> ApplicationHarness.EXPIRY,
        AuthorizationPolicies.of(AuthorizationPolicy.allowAll(), AuthorizationPolicy.ownerOnly()),
        app.subscriptions, app.units, app.notifyService, app.subscriptionTimers, app.sequencer, app.clock,
        new StaleSubscriptions(app.subscriptions, app.subscriptionTimers, app.notifyService, deleteSameSubs));
  }

  @Test
  void aRebootedPhonesNewSubscriptionRemovesTheOldOneAndFreesItsDialog() {
    SubscribeService service = service(true);
    service.subscribe(subscribe("before-reboot", BOB, ALICE, 600), new RecordingResponders.Subscribe());

    service.subscribe(subscribe("after-reboot", BOB, ALICE, 600), new RecordingResponders.Subscribe());

    assertThat(app.subscriptions.find(key("before-reboot"))).isEmpty();
    assertThat(app.subscriptions.find(key("after-reboot"))).isPresent();
    assertThat(app.scheduler.find("subscription:" + key("before-reboot").asText())).isEmpty();
    assertThat(app.notifyService.notificationsSent(key("before-reboot"))).as("its dialog is forgotten").isZero();
  }

  @Test
  void withDeleteSameSubsOffBothLive() {
    SubscribeService service = service(false);
    service.subscribe(subscribe("before-reboot", BOB, ALICE, 600), new RecordingResponders.Subscribe());

    service.subscribe(subscribe("after-reboot", BOB, ALICE, 600), new RecordingResponders.Subscribe());

    assertThat(app.subscriptions.find(key("before-reboot"))).isPresent();
    assertThat(app.notifyService.notificationsSent(key("before-reboot"))).as("its dialog lives on").isEqualTo(1);
  }
}
