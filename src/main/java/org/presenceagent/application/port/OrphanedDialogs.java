package org.presenceagent.application.port;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.presenceagent.domain.subscription.SubscriptionKey;

/**
 * Asked when an in-dialog SUBSCRIBE (refresh or un-SUBSCRIBE) names a dialog this node does not hold:
 * with several nodes on a shared database, the dialog may belong to another node, and a load balancer
 * that does not keep dialogs on their node sends the request here (docs/scale-out.md, "Ownership of
 * subscriptions"). A single node holds every dialog it has, so its answer is always
 * {@link Outcome#UNKNOWN}, at once and without a database access.
 */
public interface OrphanedDialogs {

  /** What became of the dialog. */
  enum Outcome {
    /** Its owner's lease had lapsed: this node owns it now and holds it in its repository, timed. */
    ADOPTED,
    /** Another node owns it and holds its lease: that node serves the dialog; the request is to be retried. */
    OWNER_ALIVE,
    /** No such dialog anywhere (RFC 6665 section 4.1.2.2: 481). */
    UNKNOWN
  }

  /** The single node's answer. */
  OrphanedDialogs NONE = new OrphanedDialogs() {
    @Override
    public CompletionStage<Outcome> takeOverIfOrphaned(SubscriptionKey key) {
      return CompletableFuture.completedFuture(Outcome.UNKNOWN);
    }

    @Override
    public Duration retryAfter() {
      return Duration.ZERO;
    }

    @Override
    public void ownerAlive() {
      // never reached: a single node has no other owner
    }
  };

  /**
   * Takes the dialog over if it is stored with an owner whose lease has lapsed, off the caller's
   * thread (the SIP thread must not wait for the database). The stage fails when the database
   * cannot be asked; the caller then answers 503 with {@link #retryAfter()}, as the request was fine.
   */
  CompletionStage<Outcome> takeOverIfOrphaned(SubscriptionKey key);

  /**
   * The Retry-After of a 503 for a dialog whose owner is alive: by then the owner has either renewed
   * its lease (the balancer should send the dialog there) or lost it (this node takes over).
   */
  Duration retryAfter();

  /** Counts a request refused because another, live node owns its dialog. */
  void ownerAlive();
}
