package org.presenceagent.application.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.locks.ReentrantLock;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.notify.PresentityObserver;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.domain.auth.AuthorizationPolicy;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence subscriptions from components in the same JVM (the seed's
 * {@code accept_internal_subscriptions}, which served SER's resource list server): a watcher
 * subscribes to a presentity with a callback and is told what a SIP watcher would be told in its
 * NOTIFYs (RFC 3856 section 6.7, RFC 6665 section 4.2.2), without SIP:
 *
 * <ul>
 *   <li>the presence authorization policy decides as for a SIP watcher (RFC 5025
 *       {@code sub-handling}): allow and polite-block make the subscription active (polite-block
 *       sees the neutral document), confirm leaves it pending, block ends it at once with reason
 *       rejected;
 *   <li>every change of the presentity's composed document (PUBLISH, registrations, static
 *       presence, expiry) reaches each active subscription with the new document;
 *   <li>a change of the presentity's rules re-evaluates each subscription as {@code AuthorizeService}
 *       does for SIP: pending becomes active, blocked ends with rejected, and active that is now to
 *       be confirmed ends with deactivated (a subscription never goes back to pending).
 * </ul>
 *
 * <p>Updates are delivered on the thread that made the change, in the presentity's turn, in the
 * order of the changes; a callback should hand long work to another thread. A callback may cancel
 * or subscribe (the presentity's internal watchers are guarded by a reentrant lock of their own:
 * they are memory only, so nothing here waits for the database). A callback that throws
 * ends its subscription (as a NOTIFY that fails does). An update that would repeat the previous one
 * (same state and document) is not delivered.
 *
 * <p>Internal subscriptions are kept in memory only: they do not expire, are not stored in the
 * database and do not survive a restart; the owner subscribes again when it starts. They are not
 * listed in watcher information either, since they have no SIP identity of their own besides the
 * watcher's address. {@link #close()} ends them all (reason deactivated) when the application stops.
 */
public final class InternalSubscriptions implements PresentityObserver, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InternalSubscriptions.class);

  private final boolean accepted;
  private final AuthorizationPolicy authorization;
  private final NotifyService documents;
  /** Guards the internal watchers of the presentities hashed to each stripe (memory only). */
  private final ReentrantLock[] stripes = new ReentrantLock[64];
  private final Map<Aor, List<Entry>> byPresentity = new ConcurrentHashMap<>();

  /**
   * @param accepted {@code accept_internal_subscriptions}: when false, {@link #subscribe} refuses
   * @param authorization the presence policy SIP watchers are subject to
   * @param documents composes the presentity's document as a watcher sees it
   */
  public InternalSubscriptions(
      boolean accepted, AuthorizationPolicy authorization, NotifyService documents) {
    this.accepted = accepted;
    this.authorization = authorization;
    this.documents = documents;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /**
   * Subscribes {@code watcher} to the presence of {@code presentity}. The first update (pending,
   * active with the current document, or terminated with reason rejected) is delivered before this
   * method returns.
   *
   * @throws InternalSubscriptionsDisabledException when {@code accept_internal_subscriptions=0}
   */
  public InternalSubscription subscribe(Aor presentity, Aor watcher, Consumer<PresenceUpdate> listener) {
    Objects.requireNonNull(presentity, "presentity");
    Objects.requireNonNull(watcher, "watcher");
    Objects.requireNonNull(listener, "listener");
    if (!accepted) {
      throw new InternalSubscriptionsDisabledException();
    }
    return guarded(presentity, () -> {
      Entry entry = new Entry(presentity, watcher, listener);
      SubHandling handling = authorization.decide(watcher, presentity);
      if (handling == SubHandling.BLOCK) {
        entry.end(TerminationReason.REJECTED);
        return entry;
      }
      byPresentity.computeIfAbsent(presentity, key -> new CopyOnWriteArrayList<>()).add(entry);
      LOG.debug("internal subscription of {} to {}: {}", watcher, presentity, handling.token());
      if (handling.activates()) {
        entry.deliverActive(documents.presenceDocument(presentity, watcher));
      } else {
        entry.deliver(SubscriptionState.PENDING, Optional.empty(), Optional.empty());
      }
      return entry;
    });
  }

  /** Called in the presentity's turn after a change of its document or rules. */
  @Override
  public void presentityChanged(Aor presentity) {
    guarded(presentity, () -> {
      for (Entry entry : byPresentity.getOrDefault(presentity, List.of())) {
        reevaluate(entry, authorization.decide(entry.watcher, presentity));
      }
      return null;
    });
  }

  private <T> T guarded(Aor presentity, java.util.function.Supplier<T> action) {
    ReentrantLock lock = stripes[Math.floorMod(presentity.hashCode(), stripes.length)];
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  private void reevaluate(Entry entry, SubHandling handling) {
    if (handling.activates()) {
      entry.deliverActive(documents.presenceDocument(entry.presentity, entry.watcher));
    } else if (handling == SubHandling.BLOCK) {
      entry.end(TerminationReason.REJECTED);
    } else if (entry.state == SubscriptionState.ACTIVE) {
      entry.end(TerminationReason.DEACTIVATED);
    }
  }

  /** Ends every internal subscription (the application stops): reason deactivated, re-subscribe. */
  @Override
  public void close() {
    for (Aor presentity : new ArrayList<>(byPresentity.keySet())) {
      guarded(presentity, () -> {
        for (Entry entry : byPresentity.getOrDefault(presentity, List.of())) {
          entry.end(TerminationReason.DEACTIVATED);
        }
        return null;
      });
    }
  }

  private final class Entry implements InternalSubscription {
    private final Aor presentity;
    private final Aor watcher;
    private final Consumer<PresenceUpdate> listener;
    private volatile SubscriptionState state = SubscriptionState.PENDING;
    private Optional<NotifyBody> lastDocument = Optional.empty();
    private boolean delivered;

    Entry(Aor presentity, Aor watcher, Consumer<PresenceUpdate> listener) {
      this.presentity = presentity;
      this.watcher = watcher;
      this.listener = listener;
    }

    @Override
    public Aor presentity() {
      return presentity;
    }

    @Override
    public Aor watcher() {
      return watcher;
    }

    @Override
    public SubscriptionState state() {
      return state;
    }

    @Override
    public void cancel() {
      guarded(presentity, () -> {
        if (state != SubscriptionState.TERMINATED) {
          end(TerminationReason.TIMEOUT);
        }
        return null;
      });
    }

    void deliverActive(Optional<NotifyBody> document) {
      boolean unchanged = delivered && state == SubscriptionState.ACTIVE && sameDocument(document);
      if (!unchanged) {
        deliver(SubscriptionState.ACTIVE, Optional.empty(), document);
      }
    }

    private boolean sameDocument(Optional<NotifyBody> document) {
      return lastDocument.isPresent() == document.isPresent()
          && (document.isEmpty() || Arrays.equals(lastDocument.get().bytes(), document.get().bytes()));
    }

    void end(TerminationReason reason) {
      detach();
      deliver(SubscriptionState.TERMINATED, Optional.of(reason), Optional.empty());
    }

    void deliver(SubscriptionState newState, Optional<TerminationReason> reason, Optional<NotifyBody> document) {
      state = newState;
      lastDocument = document;
      delivered = true;
      try {
        listener.accept(new PresenceUpdate(presentity, watcher, newState, reason, document));
      } catch (RuntimeException e) {
        LOG.warn("internal watcher {} of {} failed on an update, ending its subscription", watcher, presentity, e);
        state = SubscriptionState.TERMINATED;
        detach();
      }
    }

    /** Removes this subscription from its presentity's, and the presentity once it has none. */
    private void detach() {
      byPresentity.computeIfPresent(presentity, (key, entries) -> {
        entries.remove(this);
        return entries.isEmpty() ? null : entries;
      });
    }
  }
}
