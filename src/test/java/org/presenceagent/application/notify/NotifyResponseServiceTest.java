package org.presenceagent.application.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.key;
import static org.presenceagent.testing.Commands.subscribe;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.presenceagent.testing.ApplicationHarness;
import org.presenceagent.testing.RecordingResponders;

class NotifyResponseServiceTest {

  private static final String TIMER = "subscription:" + key("bob-call").asText();

  private final ApplicationHarness app = new ApplicationHarness();

  @BeforeEach
  void bobWatchesAlice() {
    app.subscribeService().subscribe(subscribe("bob-call", BOB, ALICE, 600), new RecordingResponders.Subscribe());
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 202, 299})
  void aSuccessKeepsTheSubscription(int status) {
    assertThat(app.notifyResponseService(false).onFinalResponse(key("bob-call"), status).join()).isFalse();

    assertThat(app.subscriptions.find(key("bob-call"))).isPresent();
    assertThat(app.scheduler.find(TIMER)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(ints = {481, 500, 403, 603})
  void aFailureRemovesTheSubscriptionAndItsTimer(int status) {
    assertThat(app.notifyResponseService(false).onFinalResponse(key("bob-call"), status).join()).isTrue();

    assertThat(app.subscriptions.find(key("bob-call"))).isEmpty();
    assertThat(app.scheduler.find(TIMER)).isEmpty();
  }

  @Test
  void aTimeoutRemovesTheSubscription() {
    assertThat(app.notifyResponseService(false).onFinalResponse(key("bob-call"), 408).join()).isTrue();

    assertThat(app.subscriptions.find(key("bob-call"))).isEmpty();
  }

  @Test
  void aTimeoutKeepsTheSubscriptionWhenTimeoutsAreIgnored() {
    NotifyResponseService ignoring408 = app.notifyResponseService(true);

    assertThat(ignoring408.onFinalResponse(key("bob-call"), 408).join()).isFalse();
    assertThat(app.subscriptions.find(key("bob-call"))).isPresent();

    assertThat(ignoring408.onFinalResponse(key("bob-call"), 481).join()).isTrue();
    assertThat(app.subscriptions.find(key("bob-call"))).isEmpty();
  }

  @Test
  void aResponseForAnUnknownSubscriptionChangesNothing() {
    assertThat(app.notifyResponseService(false).onFinalResponse(key("other-call"), 481).join()).isFalse();

    assertThat(app.subscriptions.findAll()).hasSize(1);
  }
}
