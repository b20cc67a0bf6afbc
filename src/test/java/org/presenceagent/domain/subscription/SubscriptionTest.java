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
        Duration.ofSeconds(seconds), clock);
  }

  @Test
  void anAuthorizedSubscriptionStartsActive() {
    Subscription subscription = create(true, 600);

    assertThat(subscription.state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(subscription.isActive()).isTrue();
    assertThat(subscription.terminationReason()).isEmpty();
    assertThat(subscription.createdAt()).isEqualTo(MutableClock.START);
    assertThat(subscription.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(600));
    assertThat(subscription.version()).isZero();
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
    Subscription subscription = create(true, 600);
    clock.advanceSeconds(500);

    subscription.refresh(Duration.ofSeconds(900), 7, "sip:bob@198.51.100.7:5070", clock);

    assertThat(subscription.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(500 + 900));
    assertThat(subscription.remainingSeconds(clock)).isEqualTo(900);
    assertThat(subscription.dialog().remoteCseq()).isEqualTo(7);
    assertThat(subscription.dialog().remoteTarget()).isEqualTo("sip:bob@198.51.100.7:5070");
    assertThat(subscription.dialog().routeSet()).containsExactly("sip:proxy;lr");
    assertThat(subscription.isActive()).isTrue();
  }

  @Test
  void refreshWithoutNewTargetKeepsTheOldOne() {
    Subscription subscription = create(true, 600);

    subscription.refresh(Duration.ofSeconds(600), 2, null, clock);

    assertThat(subscription.dialog().remoteTarget()).isEqualTo("sip:bob@192.0.2.1");
  }

  @Test
  void refreshWithZeroTerminatesWithTimeout() {
    Subscription subscription = create(true, 600);
    clock.advanceSeconds(10);

    subscription.refresh(Duration.ZERO, 2, null, clock);

    assertThat(subscription.isTerminated()).isTrue();
    assertThat(subscription.terminationReason()).contains(TerminationReason.TIMEOUT);
    assertThat(subscription.expiresAt()).isEqualTo(clock.instant());
    assertThat(subscription.remainingSeconds(clock)).isZero();
  }

  @Test
  void activateMakesAPendingSubscriptionActive() {
    Subscription subscription = create(false, 600);

    subscription.activate();

    assertThat(subscription.state()).isEqualTo(SubscriptionState.ACTIVE);
  }

  @Test
  void terminateRecordsTheReason() {
    Subscription subscription = create(true, 600);

    subscription.terminate(TerminationReason.REJECTED);

    assertThat(subscription.state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(subscription.terminationReason()).contains(TerminationReason.REJECTED);
  }

  @Test
  void aTerminatedSubscriptionCannotBeRefreshedNorActivated() {
    Subscription subscription = create(true, 600);
    subscription.terminate(TerminationReason.DEACTIVATED);

    assertThatIllegalStateException()
        .isThrownBy(() -> subscription.refresh(Duration.ofSeconds(600), 2, null, clock))
        .withMessageContaining("terminated");
    assertThatIllegalStateException().isThrownBy(subscription::activate);
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
  void notifiedCountsVersionsAndKeepsTheHighestLocalCseq() {
    Subscription subscription = create(true, 600);

    assertThat(subscription.notified(5)).isEqualTo(1);
    assertThat(subscription.notified(3)).isEqualTo(2);

    assertThat(subscription.version()).isEqualTo(2);
    assertThat(subscription.dialog().localCseq()).isEqualTo(5);
  }

  @Test
  void dialogEstablishedRecordsOurTag() {
    Subscription subscription = create(true, 600);

    subscription.dialogEstablished("new-tag");

    assertThat(subscription.dialog().localTag()).isEqualTo("new-tag");
  }
}
