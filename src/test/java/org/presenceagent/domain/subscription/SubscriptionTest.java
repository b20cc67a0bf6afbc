package org.presenceagent.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.testing.MutableClock;

class SubscriptionTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final Aor BOB = Aor.parse("sip:bob@example.com");
  private static final SubscriptionKey KEY = new SubscriptionKey("call-1", "bob-tag", "presence", "");
  private static final DialogState DIALOG =
      new DialogState("call-1", "our-tag", "bob-tag", "sip:bob@192.0.2.1", List.of("sip:proxy;lr"), 1, 0, "udp");

  private final MutableClock clock = new MutableClock();

  private Subscription create(boolean authorized, long seconds) {
    return Subscription.create(KEY, ALICE, BOB, Optional.empty(), "application/pidf+xml", DIALOG, authorized,
        Duration.ofSeconds(seconds), NotifyRate.NONE, clock);
  }

  @Test
  void anAuthorizedSubscriptionStartsActive() {
    Subscription subscription = create(true, 600);

    assertThat(subscription.state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(subscription.isActive()).isTrue();
    assertThat(subscription.terminationReason()).isEmpty();
    assertThat(subscription.createdAt()).isEqualTo(MutableClock.START);
    assertThat(subscription.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(600));
    assertThat(subscription.versionCeiling()).isEqualTo(Subscription.CSEQ_RESERVATION);
    assertThat(subscription.cseqCeiling()).isEqualTo(Subscription.CSEQ_RESERVATION);
    assertThat(subscription.event()).isEqualTo("presence");
    assertThat(subscription.presentity()).isEqualTo(ALICE);
    assertThat(subscription.watcher()).isEqualTo(BOB);
  }

  @Test
  void anUnauthorizedSubscriptionStartsPending() {
    Subscription subscription = create(false, 600);

    assertThat(subscription.state()).isEqualTo(SubscriptionState.PENDING);
    assertThat(subscription.isActive()).isFalse();
    assertThat(subscription.isTerminated()).isFalse();
  }

  @Test
  void aFetchIsTerminatedWithTimeoutAtOnce() {
    Subscription fetch = create(true, 0);

    assertThat(fetch.isTerminated()).isTrue();
    assertThat(fetch.terminationReason()).contains(TerminationReason.TIMEOUT);
    assertThat(fetch.remainingSeconds(clock)).isZero();
    assertThat(fetch.isExpired(clock)).isTrue();
  }

  @Test
  void refreshMovesTheExpiryAndRecordsCseqAndTarget() {
    Subscription original = create(true, 600);
    clock.advanceSeconds(500);

    Subscription subscription = original.refreshed(Duration.ofSeconds(900), 7, "sip:bob@198.51.100.7:5070", NotifyRate.NONE, clock);

    assertThat(subscription.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(500 + 900));
    assertThat(subscription.remainingSeconds(clock)).isEqualTo(900);
    assertThat(subscription.dialog().remoteCseq()).isEqualTo(7);
    assertThat(subscription.dialog().remoteTarget()).isEqualTo("sip:bob@198.51.100.7:5070");
    assertThat(subscription.dialog().routeSet()).containsExactly("sip:proxy;lr");
    assertThat(subscription.isActive()).isTrue();
    assertThat(original.expiresAt()).as("the original is unchanged").isEqualTo(MutableClock.START.plusSeconds(600));
  }

  @Test
  void refreshWithoutNewTargetKeepsTheOldOne() {
    Subscription subscription = create(true, 600).refreshed(Duration.ofSeconds(600), 2, null, NotifyRate.NONE, clock);

    assertThat(subscription.dialog().remoteTarget()).isEqualTo("sip:bob@192.0.2.1");
  }

  @Test
  void refreshWithZeroTerminatesWithTimeout() {
    Subscription original = create(true, 600);
    clock.advanceSeconds(10);

    Subscription subscription = original.refreshed(Duration.ZERO, 2, null, NotifyRate.NONE, clock);

    assertThat(subscription.isTerminated()).isTrue();
    assertThat(subscription.terminationReason()).contains(TerminationReason.TIMEOUT);
    assertThat(subscription.expiresAt()).isEqualTo(clock.instant());
    assertThat(subscription.remainingSeconds(clock)).isZero();
  }

  @Test
  void activateMakesAPendingSubscriptionActive() {
    Subscription subscription = create(false, 600).activated();

    assertThat(subscription.state()).isEqualTo(SubscriptionState.ACTIVE);
  }

  @Test
  void terminateRecordsTheReason() {
    Subscription subscription = create(true, 600).terminated(TerminationReason.REJECTED);

    assertThat(subscription.state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(subscription.terminationReason()).contains(TerminationReason.REJECTED);
  }

  @Test
  void aTerminatedSubscriptionCannotBeRefreshedNorActivated() {
    Subscription subscription = create(true, 600).terminated(TerminationReason.DEACTIVATED);

    assertThatIllegalStateException()
        .isThrownBy(() -> subscription.refreshed(Duration.ofSeconds(600), 2, null, NotifyRate.NONE, clock))
        .withMessageContaining("terminated");
    assertThatIllegalStateException().isThrownBy(subscription::activated);
    assertThat(subscription.dialog().remoteCseq()).isEqualTo(1);
  }

  @Test
  void expiryFollowsTheClock() {
    Subscription subscription = create(true, 600);

    assertThat(subscription.isExpired(clock)).isFalse();
    assertThat(subscription.remainingSeconds(clock)).isEqualTo(600);

    clock.advance(Duration.ofSeconds(599).plusMillis(999));
    assertThat(subscription.isExpired(clock)).isFalse();
    assertThat(subscription.remainingSeconds(clock)).isZero();

    clock.advance(Duration.ofMillis(1));
    assertThat(subscription.isExpired(clock)).isTrue();

    clock.advanceSeconds(3600);
    assertThat(subscription.remainingSeconds(clock)).isZero();
  }

  @Test
  void aReservationMovesBothCeilingsOneBlockAboveWhatTheDialogReached() {
    Subscription subscription = create(true, 600).reservedAbove(57, 56);

    assertThat(subscription.cseqCeiling()).isEqualTo(57 + Subscription.CSEQ_RESERVATION);
    assertThat(subscription.versionCeiling()).isEqualTo(56 + Subscription.CSEQ_RESERVATION);
    assertThat(subscription.dialog().localCseq()).isEqualTo(57);
  }

  @Test
  void aRestoredSubscriptionContinuesAboveItsStoredCeilings() {
    DialogState stored = new DialogState("call-1", "our-tag", "bob-tag", "sip:bob@192.0.2.1", List.of(), 3, 200, "udp");

    Subscription restored = Subscription.restore(KEY, ALICE, BOB, Optional.empty(), "application/pidf+xml",
        MutableClock.START, SubscriptionState.ACTIVE, null, MutableClock.START.plusSeconds(600), stored, 300,
        NotifyRate.NONE);

    assertThat(restored.cseqCeiling()).isEqualTo(200);
    assertThat(restored.versionCeiling()).isEqualTo(300);
  }

  @Test
  void theRateControlIsKeptAndReplacedByARefresh() {
    NotifyRate asked = new NotifyRate(java.util.OptionalDouble.empty(), java.util.OptionalDouble.of(2), java.util.OptionalDouble.empty());
    Subscription subscription = Subscription.create(KEY, ALICE, BOB, Optional.empty(), "application/pidf+xml", DIALOG,
        true, Duration.ofSeconds(600), asked, clock);

    assertThat(subscription.rate()).isEqualTo(asked);
    assertThat(subscription.refreshed(Duration.ofSeconds(600), 2, null, NotifyRate.NONE, clock).rate())
        .isEqualTo(NotifyRate.NONE);
  }
}
