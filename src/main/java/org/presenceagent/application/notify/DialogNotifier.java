package org.presenceagent.application.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;

/**
 * The notifier's side of one subscription's dialog: which NOTIFY goes out next, and when.
 *
 * <ul>
 *   <li>At most one NOTIFY is in flight (RFC 6665 section 4.2.2): what is asked for while one is
 *       unanswered waits, and later requests are merged into it, so the watcher gets the newest
 *       state, not every intermediate one.
 *   <li>With RFC 6446 {@code max-rate}, NOTIFYs are at least {@code 1/max-rate} apart (changes in
 *       between are merged); the subscription's own NOTIFYs (the first one, and the final one) are
 *       not held back.
 *   <li>CSeqs count up from the dialog's last one, winfo versions from 0 (RFC 3858 section 4.1).
 * </ul>
 *
 * <p>All state is guarded by the object's lock; composing and sending happen outside it.
 */
final class DialogNotifier {

  /**
   * A NOTIFY still unanswered after this long is taken as timed out: the transaction layer answers
   * a lost NOTIFY with a 408 after 32 s (RFC 3261 Timer F), so this only guards against an answer
   * that never reached us.
   */
  static final Duration STALE_IN_FLIGHT = Duration.ofSeconds(40);

  private final SubscriptionKey key;
  private long lastCseq;
  /**
   * The highest CSeq and the version above every one this dialog may use: the ceilings stored
   * (committed) for it. A restored dialog starts at the stored ones, so a NOTIFY beyond them,
   * followed by a crash before a higher reservation was stored, would repeat a CSeq (RFC 3261
   * section 12.2.1.1 wants them increasing). The dialog waits for the reservation instead.
   */
  private long cseqCeiling;
  private long versionCeiling;
  private boolean reserving;
  private long nextVersion;
  private Request pending;
  private boolean inFlight;
  private Instant sentAt;
  private boolean closed;
  private boolean rateTimerArmed;
  /** When the dialog's first NOTIFY went out (the adaptive rate's assumed history fades from there). */
  private Instant firstSentAt;
  private long sentCount;
  /** When the last NOTIFYs went out, newest last, at most {@link #HISTORY} (RFC 6446 section 7.2 count). */
  private final Deque<Instant> history = new ArrayDeque<>();

  /** How many send times the adaptive rate remembers; more in one period count as this many. */
  static final int HISTORY = 64;

  DialogNotifier(Subscription subscription) {
    this.key = subscription.key();
    long stored = subscription.dialog().localCseq();
    this.lastCseq = stored;
    // A dialog restored from storage continues above its reserved version; a new one starts at 0.
    this.nextVersion = stored == 0 ? 0 : subscription.versionCeiling();
    this.cseqCeiling = subscription.cseqCeiling();
    this.versionCeiling = subscription.versionCeiling();
  }

  SubscriptionKey key() {
    return key;
  }

  /** Queues a NOTIFY, merged with the one already waiting; false once the final NOTIFY went out. */
  synchronized boolean request(Request request) {
    if (closed) {
      return false;
    }
    pending = pending == null ? request : pending.mergedWith(request);
    return true;
  }

  /**
   * Takes the next NOTIFY to send now, or empty: none waiting, one in flight, or held back by
   * {@code max-rate} (then {@link #holdUntil} tells until when).
   */
  synchronized Optional<Ticket> next(Instant now) {
    if (inFlight && sentAt != null && now.isAfter(sentAt.plus(STALE_IN_FLIGHT))) {
      inFlight = false; // its answer was lost; do not stall the dialog for ever
    }
    if (closed || inFlight || pending == null || holdUntil(now).isPresent() || waitsForReservation()) {
      return Optional.empty();
    }
    Request request = pending;
    pending = null;
    inFlight = true;
    sentAt = now;
    if (firstSentAt == null) {
      firstSentAt = now;
    }
    sentCount++;
    history.addLast(now);
    if (history.size() > HISTORY) {
      history.removeFirst();
    }
    closed = request.subscription().isTerminated();
    return Optional.of(new Ticket(request, ++lastCseq, nextVersion++));
  }

  /**
   * Whether the waiting NOTIFY needs higher ceilings than the stored ones. Not the final NOTIFY:
   * its subscription is removed from storage, so no restart can continue the dialog and repeat
   * its CSeq, and no reservation is stored for an ended subscription.
   */
  private boolean waitsForReservation() {
    boolean withinCeilings = lastCseq + 1 <= cseqCeiling && nextVersion < versionCeiling;
    return !withinCeilings && !pending.subscription().isTerminated();
  }

  /**
   * Whether the dialog should store higher ceilings now: it has used half its block (reserved
   * early, so the write is done long before a NOTIFY would wait for it), or a NOTIFY waits for
   * them. Then the caller stores them; this returns true once until {@link #reserved} or
   * {@link #reservationFailed}.
   */
  synchronized boolean startReservationIfDue() {
    boolean halfUsed = lastCseq + Subscription.CSEQ_RESERVATION / 2 >= cseqCeiling
        || nextVersion - 1 + Subscription.CSEQ_RESERVATION / 2 >= versionCeiling;
    if (closed || reserving || !halfUsed) {
      return false;
    }
    reserving = true;
    return true;
  }

  /** The last CSeq used (the next reservation is counted from it). */
  synchronized long lastCseq() {
    return lastCseq;
  }

  /** The next version to use. */
  synchronized long nextVersion() {
    return nextVersion;
  }

  /** Higher ceilings were stored for the dialog. */
  synchronized void reserved(long storedCseqCeiling, long storedVersionCeiling) {
    cseqCeiling = Math.max(cseqCeiling, storedCseqCeiling);
    versionCeiling = Math.max(versionCeiling, storedVersionCeiling);
    reserving = false;
  }

  /** Storing the reservation failed: the next change of state tries again. */
  synchronized void reservationFailed() {
    reserving = false;
  }

  /**
   * Until when {@code max-rate} holds the waiting NOTIFY back; empty when it may go now. The
   * subscription's own NOTIFYs (after a SUBSCRIBE, the final one) are never held back.
   */
  synchronized Optional<Instant> holdUntil(Instant now) {
    if (pending == null || pending.ownState() || sentAt == null) {
      return Optional.empty();
    }
    Optional<Duration> interval = pending.subscription().rate().minimumInterval();
    if (interval.isEmpty()) {
      return Optional.empty();
    }
    Instant allowed = sentAt.plus(interval.get());
    return allowed.isAfter(now) ? Optional.of(allowed) : Optional.empty();
  }

  /** Marks the rate timer as armed; false when it already was (one timer per dialog). */
  synchronized boolean armRateTimer() {
    if (rateTimerArmed) {
      return false;
    }
    rateTimerArmed = true;
    return true;
  }

  synchronized void rateTimerFired() {
    rateTimerArmed = false;
  }

  /** The in-flight NOTIFY was answered (or could not be sent): the next one may go. */
  synchronized void answered() {
    inFlight = false;
  }

  /** Whether the final NOTIFY went out: nothing more will be sent in this dialog. */
  synchronized boolean isClosed() {
    return closed;
  }

  /** NOTIFYs sent in this dialog since the notifier was made (this process). */
  synchronized long sent() {
    return sentCount;
  }

  /** Whether a NOTIFY is in flight or waiting (for the backlog gauge). */
  synchronized boolean isBusy() {
    return inFlight || pending != null;
  }

  /** When the last NOTIFY went out, empty before the first (for RFC 6446 {@code min-rate}). */
  synchronized Optional<Instant> lastSent() {
    return Optional.ofNullable(sentAt);
  }

  /**
   * The {@code count} of RFC 6446 section 7.2: NOTIFYs sent in the last {@code period}, plus the
   * assumed history of step 1, which fades out over the first period of the dialog.
   */
  synchronized double recentCount(Instant now, Duration period, double assumedHistory) {
    Instant since = now.minus(period);
    long sent = history.stream().filter(time -> time.isAfter(since)).count();
    double fading = 0;
    if (firstSentAt != null) {
      double elapsed = Duration.between(firstSentAt, now).toNanos() / (double) period.toNanos();
      fading = assumedHistory * Math.max(0, 1 - elapsed);
    }
    return sent + fading;
  }

  /**
   * A NOTIFY to send.
   *
   * @param subscription the subscription's state to report (Subscription-State)
   * @param withState whether the watcher may see the presentity's state in it
   * @param content what the body holds
   * @param ownState whether it reports a change of the subscription itself (created, refreshed,
   *     authorized, ended) rather than of the presentity: such NOTIFYs are not held back by
   *     {@code max-rate}
   */
  record Request(Subscription subscription, boolean withState, Content content, boolean ownState) {

    /** The newer request wins, keeping what the older one must not lose. */
    Request mergedWith(Request newer) {
      if (subscription.isTerminated() && !newer.subscription.isTerminated()) {
        return this; // the final NOTIFY is never replaced by an earlier state
      }
      return new Request(newer.subscription, newer.withState, content.mergedWith(newer.content),
          ownState || newer.ownState);
    }
  }

  /** The NOTIFY that may go now, with its CSeq and winfo version. */
  record Ticket(Request request, long cseq, long version) {}

  /** What a NOTIFY's body holds. */
  sealed interface Content permits PresenceContent, WatcherInfoContent {
    Content mergedWith(Content newer);
  }

  /** The presentity's state as it was at a change (composed per watcher's format and view). */
  record PresenceContent(PresentityChange change) implements Content {
    @Override
    public Content mergedWith(Content newer) {
      return newer;
    }
  }

  /**
   * Watcher information (RFC 3858): the full list, or the changes of one watcher. Two partial
   * documents that waited behind one in flight are sent as one full document, which RFC 3858
   * section 4.1 lets the notifier send at any time.
   */
  record WatcherInfoContent(Optional<org.presenceagent.domain.watcher.WatcherList> partial) implements Content {
    static final WatcherInfoContent FULL = new WatcherInfoContent(Optional.empty());

    @Override
    public Content mergedWith(Content newer) {
      return FULL;
    }
  }
}
