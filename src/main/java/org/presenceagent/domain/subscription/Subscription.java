package org.presenceagent.domain.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.presenceagent.domain.shared.Aor;

/**
 * A watcher's subscription to a presentity's state in one event package: the notifier side of
 * RFC 6665 section 4.2.
 *
 * <p>It owns its state machine: created pending or active, refreshed with a new expiry, activated
 * when authorization is granted, terminated with a reason (RFC 6665 section 4.2.2). Time comes
 * from the {@link Clock} passed in, never from the system clock directly.
 */
public final class Subscription {

  private final SubscriptionKey key;
  private final Aor presentity;
  private final Aor watcher;
  private final Optional<String> watcherDisplayName;
  private final String contentType;
  private final Instant createdAt;
  private SubscriptionState state;
  private TerminationReason terminationReason;
  private Instant expiresAt;
  private DialogState dialog;
  private long version;
  private long cseqCeiling;

  private Subscription(
      SubscriptionKey key,
      Aor presentity,
      Aor watcher,
      Optional<String> watcherDisplayName,
      String contentType,
      Instant createdAt,
      SubscriptionState state,
      TerminationReason terminationReason,
      Instant expiresAt,
      DialogState dialog,
      long version,
      long cseqCeiling) {
    this.key = Objects.requireNonNull(key, "key");
    this.presentity = Objects.requireNonNull(presentity, "presentity");
    this.watcher = Objects.requireNonNull(watcher, "watcher");
    this.watcherDisplayName = Objects.requireNonNull(watcherDisplayName, "watcherDisplayName");
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.state = Objects.requireNonNull(state, "state");
    this.terminationReason = terminationReason;
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.dialog = Objects.requireNonNull(dialog, "dialog");
    this.version = version;
    this.cseqCeiling = Math.max(cseqCeiling, dialog.localCseq());
  }

  /**
   * A new subscription (RFC 6665 section 4.2.1.1).
   *
   * @param watcherDisplayName the display name the watcher gave in its From header (RFC 3858
   *     section 4.4 shows it to the presentity)
   * @param authorized whether the watcher may see the presentity's state now (active) or not yet
   *     (pending)
   * @param granted the granted duration; zero makes a fetch, which is terminated at once
   */
  public static Subscription create(
      SubscriptionKey key,
      Aor presentity,
      Aor watcher,
      Optional<String> watcherDisplayName,
      String contentType,
      DialogState dialog,
      boolean authorized,
      Duration granted,
      Clock clock) {
    Instant now = clock.instant();
    Subscription subscription = new Subscription(
        key, presentity, watcher, watcherDisplayName, contentType, now,
        authorized ? SubscriptionState.ACTIVE : SubscriptionState.PENDING,
        null, now.plus(granted), dialog, 0, dialog.localCseq() + CSEQ_RESERVATION);
    if (granted.isZero()) {
      subscription.terminate(TerminationReason.TIMEOUT);
    }
    return subscription;
  }

  /**
   * Rebuilds a subscription from storage; no validation beyond non-null parts. The stored dialog's
   * local CSeq is the reserved ceiling, so the next NOTIFY goes out above anything sent before.
   */
  public static Subscription restore(
      SubscriptionKey key,
      Aor presentity,
      Aor watcher,
      Optional<String> watcherDisplayName,
      String contentType,
      Instant createdAt,
      SubscriptionState state,
      TerminationReason terminationReason,
      Instant expiresAt,
      DialogState dialog,
      long version) {
    return new Subscription(
        key, presentity, watcher, watcherDisplayName, contentType, createdAt, state, terminationReason, expiresAt, dialog, version,
        dialog.localCseq());
  }

  /**
   * A refreshing SUBSCRIBE in the dialog (RFC 6665 section 4.2.1.2); a zero duration ends the
   * subscription (un-subscribe).
   */
  public void refresh(Duration granted, long remoteCseq, String remoteTarget, Clock clock) {
    requireNotTerminated();
    dialog = dialog.refreshedBy(remoteCseq, remoteTarget);
    if (granted.isZero()) {
      expiresAt = clock.instant();
      terminate(TerminationReason.TIMEOUT);
    } else {
      expiresAt = clock.instant().plus(granted);
    }
  }

  /** Authorization granted: pending becomes active. */
  public void activate() {
    requireNotTerminated();
    state = SubscriptionState.ACTIVE;
  }

  /** Ends the subscription; the next NOTIFY is the final one (RFC 6665 section 4.2.2). */
  public void terminate(TerminationReason reason) {
    state = SubscriptionState.TERMINATED;
    terminationReason = Objects.requireNonNull(reason, "reason");
  }

  /** Records our tag once the 2xx that establishes the dialog has been built. */
  public void dialogEstablished(String localTag) {
    dialog = dialog.withLocalTag(localTag);
  }

  /**
   * NOTIFY CSeqs are reserved in blocks of this size: the stored ceiling is raised (one write)
   * only when a NOTIFY reaches it, and after a restart the dialog continues above it, so CSeqs keep
   * increasing across restarts (RFC 3261 section 12.2.1.1) without a write per NOTIFY.
   */
  public static final long CSEQ_RESERVATION = 100;

  /** Records that a NOTIFY went out with the given CSeq; returns the new notification version. */
  public long notified(long cseq) {
    dialog = dialog.withLocalCseq(cseq);
    return ++version;
  }

  /** Whether the subscription's time is up at the clock's current instant. */
  public boolean isExpired(Clock clock) {
    return !clock.instant().isBefore(expiresAt);
  }

  /** Seconds left, rounded down, never negative (the {@code expires} of Subscription-State). */
  public long remainingSeconds(Clock clock) {
    return Math.max(0, Duration.between(clock.instant(), expiresAt).getSeconds());
  }

  public boolean isActive() {
    return state == SubscriptionState.ACTIVE;
  }

  public boolean isTerminated() {
    return state == SubscriptionState.TERMINATED;
  }

  public SubscriptionKey key() {
    return key;
  }

  public Aor presentity() {
    return presentity;
  }

  public Aor watcher() {
    return watcher;
  }

  /** The display name of the watcher's From header, empty when it gave none. */
  public Optional<String> watcherDisplayName() {
    return watcherDisplayName;
  }

  public String event() {
    return key.event();
  }

  /** The body type chosen from the watcher's Accept when the subscription was created. */
  public String contentType() {
    return contentType;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public SubscriptionState state() {
    return state;
  }

  public Optional<TerminationReason> terminationReason() {
    return Optional.ofNullable(terminationReason);
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public DialogState dialog() {
    return dialog;
  }

  /** How many NOTIFYs have been sent in this subscription. */
  public long version() {
    return version;
  }

  /** The highest CSeq this subscription's NOTIFYs may have used (the durable reservation). */
  public long cseqCeiling() {
    return cseqCeiling;
  }

  /** Whether the CSeq reservation is used up and must be raised (and stored) before going on. */
  public boolean needsCseqReservation() {
    return dialog.localCseq() >= cseqCeiling;
  }

  /** Raises the reservation by one block above the last CSeq sent. */
  public void reserveCseqs() {
    cseqCeiling = dialog.localCseq() + CSEQ_RESERVATION;
  }

  private void requireNotTerminated() {
    if (state == SubscriptionState.TERMINATED) {
      throw new IllegalStateException("subscription " + key + " is terminated");
    }
  }

  @Override
  public String toString() {
    return "Subscription[" + key + " " + watcher + " -> " + presentity + " " + state.token() + "]";
  }
}
