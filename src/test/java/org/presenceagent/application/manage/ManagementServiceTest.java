package org.presenceagent.application.manage;

import org.presenceagent.testing.InMemory;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.CAROL;
import static org.presenceagent.testing.Commands.initialPublish;
import static org.presenceagent.testing.Commands.key;
import static org.presenceagent.testing.Commands.subscribe;
import static org.presenceagent.testing.Commands.subscribeWinfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.publish.PublishResult;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;
import org.presenceagent.testing.ApplicationHarness;
import org.presenceagent.testing.Pidf;
import org.presenceagent.testing.RecordingResponders;

class ManagementServiceTest {

  private final ApplicationHarness app = new ApplicationHarness();
  private final List<Aor> reauthorized = new ArrayList<>();
  private final LiveSettings liveSettings = new LiveSettings(false, 60, 3600, 3600, 3600, 3600);
  private final ManagementService management = app.managementService(
      reauthorized::add, Map.of("default_expires", "3600", "ignore_408_on_notify", "0", "auth", "none"), liveSettings);

  private void bobWatchesAlice(long seconds) {
    app.subscribeService().subscribe(subscribe("bob-call", BOB, ALICE, seconds), new RecordingResponders.Subscribe());
    app.sender.clear();
  }

  private void alicePublishes(String basic, long seconds) {
    app.publishService().publish(initialPublish(ALICE, Pidf.tuple(ALICE.uri(), "phone", basic), seconds),
        new RecordingResponders.Publish());
    app.sender.clear();
  }

  @Test
  void listsEveryPresentityWithPublicationsRegistrationsOrSubscriptions() {
    bobWatchesAlice(600);
    InMemory.save(app.bindings, Binding.create(CAROL, "sip:carol@192.0.2.1", Optional.empty(), Optional.empty(), "c1", 1,
        Duration.ofSeconds(600), app.clock));
    alicePublishes("open", 600);

    assertThat(management.presentities()).containsExactly(
        new PresentitySummary(ALICE.uri(), 1, 0, 1, true),
        new PresentitySummary(CAROL.uri(), 0, 1, 0, false));
  }

  @Test
  void showsTheComposedDocumentAndThePublicationsOfAPresentity() {
    alicePublishes("open", 600);

    PresentityDetails details = management.presentity(ALICE).orElseThrow();

    assertThat(details.presenceDocument()).hasValueSatisfying(document ->
        assertThat(document).contains("urn:ietf:params:xml:ns:pidf").contains("<basic>open</basic>"));
    assertThat(details.publications()).singleElement().satisfies(publication -> {
      assertThat(publication.contentType()).isEqualTo(Pidf.CONTENT_TYPE);
      assertThat(publication.expiresIn()).isEqualTo(600);
      assertThat(app.publications.findByPresentity(ALICE, "presence").get(0).etag().value())
          .isEqualTo(publication.etag());
    });
    assertThat(management.presentity(BOB)).as("nothing held about bob").isEmpty();
  }

  @Test
  void listsTheSubscriptionsOfAPresentityInEveryEventPackage() {
    bobWatchesAlice(600);
    app.subscribeService().subscribe(subscribeWinfo("alice-winfo", ALICE, ALICE, 600),
        new RecordingResponders.Subscribe());

    assertThat(management.subscriptions(ALICE))
        .extracting(SubscriptionView::event, SubscriptionView::watcher, SubscriptionView::state, SubscriptionView::callId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("presence", BOB.uri(), "active", "bob-call"),
            org.assertj.core.groups.Tuple.tuple("presence.winfo", ALICE.uri(), "active", "alice-winfo"));
  }

  @Test
  void terminatingASubscriptionSendsAFinalNotifyRemovesItAndCancelsItsTimer() {
    bobWatchesAlice(600);

    Optional<SubscriptionView> ended = management.terminate(key("bob-call"), TerminationReason.NORESOURCE);

    assertThat(ended).hasValueSatisfying(view -> assertThat(view.id()).isEqualTo(key("bob-call").asText()));
    assertThat(app.sender.sent()).singleElement().satisfies(notify -> {
      assertThat(notify.state()).isEqualTo(SubscriptionState.TERMINATED);
      assertThat(notify.reason()).contains(TerminationReason.NORESOURCE);
    });
    assertThat(app.subscriptions.find(key("bob-call"))).isEmpty();
    assertThat(app.scheduler.cancelled()).contains("subscription:" + key("bob-call").asText());
    assertThat(management.terminate(key("bob-call"), TerminationReason.NORESOURCE)).isEmpty();
    assertThat(app.sender.sent()).hasSize(1);
  }

  @Test
  void aPublicationOnAUsersBehalfNotifiesTheWatchersAndExpiresLikeAnyOther() {
    bobWatchesAlice(3600);

    PublishResult result = management.publish(ALICE, Pidf.CONTENT_TYPE,
        Pidf.tuple(ALICE.uri(), "desk", "open"), OptionalLong.of(120));

    assertThat(result.expiresSeconds()).isEqualTo(120);
    assertThat(new String(app.sender.last().body().orElseThrow().bytes(), UTF_8)).contains("<basic>open</basic>");
    assertThat(management.targetOnline(ALICE)).isTrue();
    app.clock.advanceSeconds(120);
    app.scheduler.runDue();
    assertThat(management.targetOnline(ALICE)).isFalse();
  }

  @Test
  void aPublicationOfAnUnknownTypeIsRefusedLikeAPublish() {
    assertThatThrownBy(() -> management.publish(ALICE, "text/plain", "hi".getBytes(UTF_8), OptionalLong.empty()))
        .isInstanceOfSatisfying(RequestRejectedException.class, e -> assertThat(e.status()).isEqualTo(415));
  }

  @Test
  void authorizeRunsTheReauthorization() {
    management.authorize(ALICE);

    assertThat(reauthorized).containsExactly(ALICE);
  }

  @Test
  void cleanupEndsOverdueStateWhoseTimersHaveNotRun() {
    bobWatchesAlice(600);
    alicePublishes("open", 300);
    InMemory.save(app.bindings, Binding.create(CAROL, "sip:carol@192.0.2.1", Optional.empty(), Optional.empty(), "c1", 1,
        Duration.ofSeconds(60), app.clock));
    app.clock.advanceSeconds(600); // no runDue(): the timers are late

    CleanupResult result = management.cleanup();

    assertThat(result).isEqualTo(new CleanupResult(1, 1, 1, 0));
    assertThat(app.subscriptions.findAll()).isEmpty();
    assertThat(app.publications.findAll()).isEmpty();
    assertThat(app.bindings.findAll()).isEmpty();
    assertThat(app.sender.last().reason()).contains(TerminationReason.TIMEOUT);
    assertThat(management.cleanup()).isEqualTo(new CleanupResult(0, 0, 0, 0));
  }

  @Test
  void theDumpCountsSubscriptionsByEventAndStateAndShowsTheSettings() {
    bobWatchesAlice(600);
    alicePublishes("closed", 600);

    StateDump dump = management.dump();

    assertThat(dump.subscriptions()).isEqualTo(1);
    assertThat(dump.publications()).isEqualTo(1);
    assertThat(dump.subscriptionsByEventAndState()).containsExactly(Map.entry("presence/active", 1));
    assertThat(dump.settings()).containsEntry("default_expires", "3600");
    assertThat(dump.presentities()).extracting(PresentitySummary::presentity).containsExactly(ALICE.uri());
  }

  @Test
  void terminationReasonsAndAddressesAreReadAsOperatorsTypeThem() {
    assertThat(ManagementService.terminationReason("Deactivated")).isEqualTo(TerminationReason.DEACTIVATED);
    assertThatThrownBy(() -> ManagementService.terminationReason("later"))
        .hasMessageContaining("later").hasMessageContaining("noresource");
    assertThat(ManagementService.presentityAddress("alice@example.com")).isEqualTo(ALICE);
    assertThat(ManagementService.presentityAddress("sip:alice@example.com")).isEqualTo(ALICE);
    assertThatThrownBy(() -> ManagementService.presentityAddress("alice")).hasMessageContaining("sip:user@host");
  }

  @Test
  void theLiveSettingsChangeWhileRunningAndTheOthersDoNot() {
    assertThat(management.changeSettings(Map.of("ignore_408_on_notify", "1", "max_subscription_expiration", "120")))
        .containsEntry("ignore_408_on_notify", "1").containsEntry("max_subscription_expiration", "120")
        .containsEntry("default_expires", "3600");
    assertThat(liveSettings.ignore408OnNotify()).isTrue();
    assertThat(liveSettings.subscriptionExpiry().maximum()).isEqualTo(120);

    assertThatThrownBy(() -> management.changeSettings(Map.of("auth", "none")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auth").hasMessageContaining("restart");
    assertThatThrownBy(() -> management.changeSettings(Map.of("ignore_408_on_notify", "maybe")))
        .hasMessageContaining("must be 1 or 0");
    assertThat(management.settings()).containsEntry("ignore_408_on_notify", "1").containsEntry("auth", "none");
  }

  @Test
  void aChangedIgnore408SettingDecidesTheNextNotifyAnswer() {
    bobWatchesAlice(600);
    org.presenceagent.application.notify.NotifyResponseService answers =
        new org.presenceagent.application.notify.NotifyResponseService(app.subscriptions, app.units,
            app.subscriptionTimers, app.sequencer, liveSettings::ignore408OnNotify, app.notifyService);

    management.changeSettings(Map.of("ignore_408_on_notify", "1"));
    assertThat(answers.onFinalResponse(key("bob-call"), 408).join()).isFalse();
    management.changeSettings(Map.of("ignore_408_on_notify", "0"));
    assertThat(answers.onFinalResponse(key("bob-call"), 408).join()).isTrue();
  }
}
