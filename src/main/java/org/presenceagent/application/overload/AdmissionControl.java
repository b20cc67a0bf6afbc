package org.presenceagent.application.overload;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.RequestRejectedException;

/**
 * Decides whether a new request may start work, from two signals of the server being behind:
 *
 * <ul>
 *   <li>how long the request waited for a SIP worker (the receive queue of the stack), while more
 *       are waiting behind it: when the workers cannot keep up, every request waits, and one that
 *       waited longer than the limit arrives when its client is about to retransmit (RFC 3261
 *       Timer E starts at 500 ms). A few slow requests with nothing behind them (the first ones
 *       after a start, while the JVM compiles) are not an overload and are served;
 *   <li>how long the requests being worked on (received, not yet answered) take: when stores or
 *       NOTIFYs fall behind, requests pile up there instead, and a standing queue of them
 *       ({@link StandingQueue}) with at least {@link #BACKLOG} of them in hand refuses new ones
 *       until it drained (one slow request, such as a PUBLISH whose answer waits behind a
 *       thousand NOTIFYs, is no queue, and refusing would not make it faster); a hard cap on their number
 *       bounds memory whatever happens;
 *   <li>how many steps the request's presentity has queued for its turn ({@link
 *       PresentitySequencer.Admission}): a presentity that very many clients address at once (a
 *       thousand watchers subscribing to one user) is refused alone, once a request would wait
 *       behind that many of its own, so that it cannot hold the server's whole share of requests in
 *       hand while other users are served quickly and the tests above see nothing amiss.
 * </ul>
 *
 * <p>Refusing is per request, with no state to leave: while the server is behind, refusals cost
 * almost nothing, so the queue drains and requests are admitted again within moments of the load
 * falling (the Retry-After spreads the refused clients' return). Once {@link #stop()} was called,
 * every new request is refused.
 */
public final class AdmissionControl implements PresentitySequencer.Admission {

  /** Why a request was refused, or that it was not. */
  /**
   * A long wait counts only with at least this many requests queued behind it (or in hand): a
   * backlog of clients' requests, not one slow request (a cold start's first ones), nor the answers
   * to our own NOTIFYs (which cannot outgrow the NOTIFYs sent).
   */
  public static final long BACKLOG = 32;

  public enum Verdict {
    ADMITTED,
    /** It waited too long for a SIP worker. */
    QUEUE_DELAY,
    /** Too many requests are being worked on. */
    PENDING,
    /** Too many requests for the same presentity wait for its turn. */
    PRESENTITY_QUEUE,
    /** The requests being worked on wait too long: a standing queue (see {@link StandingQueue}). */
    IN_HAND_DELAY,
    /** The server is stopping. */
    STOPPING
  }

  private final long queueDelayLimitMillis;
  private final int pendingLimit;
  private final int presentityQueueLimit;
  private final int retryAfterSeconds;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong refusedForDelay = new AtomicLong();
  private final AtomicLong refusedForPending = new AtomicLong();
  private final AtomicLong refusedForInHandDelay = new AtomicLong();
  private final AtomicLong refusedForPresentityQueue = new AtomicLong();
  private final StandingQueue inHand;
  private final AtomicLong refusedWhileStopping = new AtomicLong();
  private final AtomicLong refusedBeforeParse = new AtomicLong();
  private volatile boolean stopping;

  /**
   * @param queueDelayLimitMillis a request that waited longer for a SIP worker is refused
   * @param pendingLimit new requests are refused while this many are being worked on
   * @param retryAfterSeconds the base Retry-After of a refusal
   */
  public AdmissionControl(long queueDelayLimitMillis, int pendingLimit, int retryAfterSeconds) {
    this(queueDelayLimitMillis, pendingLimit, 0, Integer.MAX_VALUE, retryAfterSeconds, System::nanoTime);
  }

  /**
   * @param queueDelayLimitMillis a request that waited longer for a SIP worker is refused
   * @param pendingLimit new requests are refused while this many are being worked on
   * @param inHandTargetMillis new requests are refused while even the quickest request answered in
   *     the last 100 ms was in hand longer than this, while at least {@link #BACKLOG} are in hand (0: never)
   * @param presentityQueueLimit a new request is refused when its presentity has this many steps
   *     queued or running
   * @param retryAfterSeconds the base Retry-After of a refusal
   * @param nanoTime the clock of in-hand times ({@link System#nanoTime()} but in tests)
   */
  public AdmissionControl(long queueDelayLimitMillis, int pendingLimit, long inHandTargetMillis,
      int presentityQueueLimit, int retryAfterSeconds, LongSupplier nanoTime) {
    this.queueDelayLimitMillis = queueDelayLimitMillis;
    this.pendingLimit = pendingLimit;
    this.presentityQueueLimit = presentityQueueLimit;
    this.retryAfterSeconds = retryAfterSeconds;
    this.inHand = new StandingQueue(TimeUnit.MILLISECONDS.toNanos(inHandTargetMillis), nanoTime);
  }

  /**
   * Whether a new request (one that starts a dialog or stands alone) may start work; a refusal is
   * counted.
   *
   * @param waitedMillis how long it waited for a SIP worker; negative when unknown (TCP)
   * @param queuedBehind how many requests (not responses) were still waiting when it was taken
   */
  public Verdict admitNew(long waitedMillis, long queuedBehind) {
    Verdict verdict = judgeNew(waitedMillis, queuedBehind);
    count(verdict);
    return verdict;
  }

  /**
   * The verdict {@link #admitNew} would give a new request now, not counted: for a judge that has
   * yet to learn whether the request is a new one ({@link #refusedBeforeParse} counts it then).
   */
  public Verdict judgeNew(long waitedMillis, long queuedBehind) {
    return stopping ? Verdict.STOPPING
        : waitedMillis > queueDelayLimitMillis && queuedBehind >= BACKLOG ? Verdict.QUEUE_DELAY
        : pending.get() >= pendingLimit ? Verdict.PENDING
        : pending.get() >= BACKLOG && inHand.standing() ? Verdict.IN_HAND_DELAY
        : Verdict.ADMITTED;
  }

  /**
   * Whether a liveness probe may be answered (an OPTIONS outside a dialog, RFC 3261 section 11):
   * yes, unless the server is stopping or holds its hard cap of requests; a refusal is counted. A
   * load balancer probes to learn whether a node is alive, not whether it is idle: a 503 for being
   * behind would make it take a busy node out of service and push its load onto the others (or,
   * with one node, refuse everything itself), while the probe costs one small answer every few
   * seconds. A stopping node fails its probes, so the balancer takes it out in time.
   */
  public Verdict admitProbe() {
    Verdict verdict = judgeProbe();
    count(verdict);
    return verdict;
  }

  /** The verdict {@link #admitProbe} would give now, not counted. */
  public Verdict judgeProbe() {
    return stopping ? Verdict.STOPPING : pending.get() >= pendingLimit ? Verdict.PENDING : Verdict.ADMITTED;
  }

  /** A new request was refused for {@code verdict} before the stack parsed it (counted as any refusal too). */
  public void refusedBeforeParse(Verdict verdict) {
    count(verdict);
    refusedBeforeParse.incrementAndGet();
  }

  /** Refusals answered before the stack parsed the request: what they cost is a copy, not a parse. */
  public long refusedBeforeParse() {
    return refusedBeforeParse.get();
  }

  /** Counts a refusal for {@code verdict} that a judge ({@code judge*}) gave and the caller carried out. */
  public void countRefusal(Verdict verdict) {
    count(verdict);
  }

  private void count(Verdict verdict) {
    switch (verdict) {
      case QUEUE_DELAY -> refusedForDelay.incrementAndGet();
      case PENDING -> refusedForPending.incrementAndGet();
      case IN_HAND_DELAY -> refusedForInHandDelay.incrementAndGet();
      case STOPPING -> refusedWhileStopping.incrementAndGet();
      default -> { }
    }
  }

  /**
   * Refuses a new request whose presentity already has {@code queued} steps queued or running, at
   * the limit or beyond (RFC 6357 section 4: refuse early the load that cannot be served in time;
   * here it is one presentity's, so only its requests are refused).
   *
   * @throws RequestRejectedException 503 with Retry-After
   */
  @Override
  public void admit(int queued) {
    if (queued >= presentityQueueLimit) {
      refusedForPresentityQueue.incrementAndGet();
      throw new RequestRejectedException(503, "Service Unavailable (presentity busy)",
          Map.of("Retry-After", Integer.toString(retryAfterSeconds())));
    }
  }

  /** The verdict for a request in a dialog, not counted: {@link #admitInDialog} as a verdict. */
  public Verdict judgeInDialog() {
    return stopping ? Verdict.STOPPING : Verdict.ADMITTED;
  }

  /** Whether a request in a dialog may go on: always, unless the server is stopping. */
  public boolean admitInDialog() {
    if (stopping) {
      refusedWhileStopping.incrementAndGet();
      return false;
    }
    return true;
  }

  /** A request reached the application: it is being worked on until {@link #answered(long)}. */
  public void started() {
    pending.incrementAndGet();
  }

  /**
   * A request was answered (or needs no answer from us).
   *
   * @param inHandNanos how long it was worked on, from {@link #started()} to its answer
   */
  public void answered(long inHandNanos) {
    pending.decrementAndGet();
    inHand.answered(inHandNanos);
  }

  /** The Retry-After of a refusal: the configured seconds plus up to as much again at random. */
  public int retryAfterSeconds() {
    return retryAfterSeconds + ThreadLocalRandom.current().nextInt(retryAfterSeconds + 1);
  }

  /** From now on every new request is refused (the server stops). */
  public void stop() {
    stopping = true;
  }

  /**
   * Waits until no request is being worked on, or the time is up.
   *
   * @return whether all were answered
   */
  public boolean awaitIdle(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (pending.get() > 0) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Requests being worked on now. */
  public int pending() {
    return pending.get();
  }

  /** Requests refused so far for that reason (for the metrics). */
  public long refused(Verdict reason) {
    return switch (reason) {
      case QUEUE_DELAY -> refusedForDelay.get();
      case PENDING -> refusedForPending.get();
      case IN_HAND_DELAY -> refusedForInHandDelay.get();
      case PRESENTITY_QUEUE -> refusedForPresentityQueue.get();
      case STOPPING -> refusedWhileStopping.get();
      case ADMITTED -> 0;
    };
  }
}
