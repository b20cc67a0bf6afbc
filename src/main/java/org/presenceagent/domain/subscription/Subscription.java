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
 * <p>An immutable value that owns its state machine: created pending or active, refreshed with a
 * new expiry, activated when authorization is granted, terminated with a reason (RFC 6665 section
 * 4.2.2). Each transition returns the new state; the use case stores it and only then does the
 * repository show it (build, save, swap). Time comes from the {@link Clock} passed in, never from
 * the system clock directly.
 *
 * <p>What changes with every NOTIFY (the CSeq, the winfo version) is not kept here but by the
 * notifier of the dialog: a subscription stores only ceilings reserved in blocks (see
 * {@link #CSEQ_RESERVATION}), so a NOTIFY costs no write.
 */
public final class Subscription {

  /**
   * NOTIFY CSeqs and winfo versions are reserved in blocks of this size: the stored ceiling is
   * raised (one write) only when a NOTIFY reaches it, and after a restart the dialog continues above
   * it, so both keep increasing across restarts (RFC 3261 section 12.2.1.1, RFC 3858 section 4.2)
   * without a write per NOTIFY.
   */
  public static final long CSEQ_RESERVATION = 100;

  private final SubscriptionKey key;
  private final Aor presentity;
  private final Aor watcher;
  private final Optional<String> watcherDisplayName;
  private final String contentType;
  private final Instant createdAt;
  private final SubscriptionState state;
  private final TerminationReason terminationReason;
  private final Instant expiresAt;
  private final DialogState dialog;
  private final long versionCeiling;
  private final long cseqCeiling;
  private final NotifyRate rate;

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
      long versionCeiling,
      long cseqCeiling,
      NotifyRate rate) {
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
    this.versionCeiling = versionCeiling;
    this.cseqCeiling = Math.max(cseqCeiling, dialog.localCseq());
    this.rate = Objects.requireNonNull(rate, "rate");
  }

  /**
   * A new subscription (RFC 6665 section 4.2.1.1).
   *
   * @param watcherDisplayName the display name the watcher gave in its From header (RFC 3858
   *     section 4.4 shows it to the presentity)
   * @param dialog the dialog, with our tag already chosen
   * @param authorized whether the watcher may see the presentity's state now (active) or not yet
   *     (pending)
   * @param granted the granted duration; zero makes a fetch, which is terminated at once
   * @param rate the notification rate control the watcher asked for (RFC 6446)
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
      NotifyRate rate,
      Clock clock) {
    Instant now = clock.instant();
    boolean fetch = granted.isZero();
    return new Subscription(
        key, presentity, watcher, watcherDisplayName, contentType, now,
        fetch ? SubscriptionState.TERMINATED : authorized ? SubscriptionState.ACTIVE : SubscriptionState.PENDING,
        fetch ? TerminationReason.TIMEOUT : null, now.plus(granted), dialog, CSEQ_RESERVATION,
        dialog.localCseq() + CSEQ_RESERVATION, rate);
  }

  /**
   * Rebuilds a subscription from storage; no validation beyond non-null parts. The stored local
   * CSeq and version are the reserved ceilings, so the next NOTIFY goes out above anything sent
   * before.
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
      long versionCeiling,
      NotifyRate rate) {
    return new Subscription(
        key, presentity, watcher, watcherDisplayName, contentType, createdAt, state, terminationReason, expiresAt, dialog,
        versionCeiling, dialog.localCseq(), rate);
  }

  /**
   * The subscription after a refreshing SUBSCRIBE in the dialog (RFC 6665 section 4.2.1.2); a zero
   * duration ends it (un-subscribe).
   *
   * @param rate the rate control of the refresh: it replaces the previous one (RFC 6446 section 4)
   */
  public Subscription refreshed(Duration granted, long remoteCseq, String remoteTarget, NotifyRate rate, Clock clock) {
    requireNotTerminated();
    Instant now = clock.instant();
    boolean ending = granted.isZero();
    return new Subscription(key, presentity, watcher, watcherDisplayName, contentType, createdAt,
        ending ? SubscriptionState.TERMINATED : state, ending ? TerminationReason.TIMEOUT : terminationReason,
        ending ? now : now.plus(granted), dialog.refreshedBy(remoteCseq, remoteTarget), versionCeiling, cseqCeiling,
        rate);
  }

  /** Authorization granted: pending becomes active. */
  public Subscription activated() {
    requireNotTerminated();
    return with(SubscriptionState.ACTIVE, null);
  }

  /** Ended; the next NOTIFY is the final one (RFC 6665 section 4.2.2). */
  public Subscription terminated(TerminationReason reason) {
    return with(SubscriptionState.TERMINATED, Objects.requireNonNull(reason, "reason"));
  }

  /**
   * The subscription with new ceilings for NOTIFY CSeqs and winfo versions, reserved one block above
   * the ones the dialog has reached.
   */
  public Subscription reservedAbove(long lastCseq, long lastVersion) {
    return new Subscription(key, presentity, watcher, watcherDisplayName, contentType, createdAt, state,
        terminationReason, expiresAt, dialog.withLocalCseq(lastCseq), lastVersion + CSEQ_RESERVATION,
        lastCseq + CSEQ_RESERVATION, rate);
  }

  private Subscription with(SubscriptionState newState, TerminationReason reason) {
    return new Subscription(key, presentity, watcher, watcherDisplayName, contentType, createdAt, newState, reason,
        expiresAt, dialog, versionCeiling, cseqCeiling, rate);
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

  /** The dialog; its local CSeq is the last one stored, at most {@link #cseqCeiling()}. */
  public DialogState dialog() {
    return dialog;
  }

  /** The highest winfo version this subscription's NOTIFYs may have used (the durable reservation). */
  public long versionCeiling() {
    return versionCeiling;
  }

  /** The highest CSeq this subscription's NOTIFYs may have used (the durable reservation). */
  public long cseqCeiling() {
    return cseqCeiling;
  }

  /** The notification rate control in force (RFC 6446); {@link NotifyRate#NONE} when not asked for. */
  public NotifyRate rate() {
    return rate;
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
