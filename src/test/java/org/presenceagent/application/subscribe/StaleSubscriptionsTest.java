package org.presenceagent.application.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.key;
import static org.presenceagent.testing.Commands.subscribe;

import org.junit.jupiter.api.Test;
import org.presenceagent.application.port.OrphanedDialogs;
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
        new StaleSubscriptions(app.subscriptions, app.subscriptionTimers, app.notifyService, deleteSameSubs),
        OrphanedDialogs.NONE);
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

  @Test
  void theReplacedSubscriptionIsReportedTerminatedToTheWatchersOfTheWatchers() {
    SubscribeService service = service(true);
    service.subscribe(org.presenceagent.testing.Commands.subscribeWinfo("winfo-call", ALICE, ALICE, 600),
        new RecordingResponders.Subscribe());
    service.subscribe(subscribe("before-reboot", BOB, ALICE, 600), new RecordingResponders.Subscribe());

    service.subscribe(subscribe("after-reboot", BOB, ALICE, 600), new RecordingResponders.Subscribe());

    java.util.List<String> winfo = app.sender.sent().stream()
        .filter(sent -> sent.key().event().equals("presence.winfo"))
        .map(sent -> new String(sent.body().orElseThrow().bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .toList();
    // RFC 3857 section 3.4: every change of a watcher's subscription, its end included; the old
    // subscription's entry ends before the new one's appears (each entry is one subscription).
    assertThat(winfo).hasSize(4);
    assertThat(winfo.get(2)).contains("status=\"terminated\"").contains("event=\"timeout\"");
    assertThat(entryId(winfo.get(2))).as("the old subscription's entry").isEqualTo(entryId(winfo.get(1)));
    assertThat(winfo.get(3)).contains("status=\"active\"").contains("event=\"subscribe\"");
    assertThat(entryId(winfo.get(3))).as("a new entry").isNotEqualTo(entryId(winfo.get(1)));
  }

  private static String entryId(String watcherInfo) {
    java.util.regex.Matcher id = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(watcherInfo);
    assertThat(id.find()).as("a watcher entry in %s", watcherInfo).isTrue();
    return id.group(1);
  }
}
