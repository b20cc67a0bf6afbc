package org.presenceagent.application.xcap;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.authorize.AuthorizeService;
import org.presenceagent.application.authorize.StoredRules;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.xcap.DocumentSelector;

/**
 * What follows a change of a stored XCAP document that this server keeps parsed in memory, whether
 * the change was made here (an HTTP PUT or DELETE, {@link #accept}) or on another node of a cluster
 * ({@link #changedElsewhere}, docs/scale-out.md, "XCAP documents across nodes"):
 *
 * <ul>
 *   <li>a presentity's static presence (RFC 4827) is part of its state: its watchers are notified;
 *   <li>a presentity's pres-rules (RFC 5025) decide its watchers: with {@code auth=xcap} on the
 *       built-in store, its subscriptions are authorized again at once (pending to active, active to
 *       terminated), not at their next refresh.
 * </ul>
 *
 * <p>Other documents (im-rules, any other name) are read from the store at each use, so a change of
 * them takes effect on every node at once and needs nothing here.
 */
public final class XcapDocumentChanges implements Consumer<DocumentSelector> {

  /** Change-log topics of XCAP documents start so; an event package's name never does. */
  private static final String TOPIC_PREFIX = "xcap:";

  private final StaticPresence staticPresence;
  private final StoredRules storedRules;
  private final Optional<AuthorizeService> reauthorization;
  private final NotifyService notifier;
  private final PresentitySequencer sequencer;

  /**
   * @param reauthorization present when the stored pres-rules decide the subscriptions
   *     ({@code auth=xcap} without an external XCAP server, whose client reports its own changes)
   */
  public XcapDocumentChanges(StaticPresence staticPresence, StoredRules storedRules,
      Optional<AuthorizeService> reauthorization, NotifyService notifier, PresentitySequencer sequencer) {
    this.staticPresence = staticPresence;
    this.storedRules = storedRules;
    this.reauthorization = reauthorization;
    this.notifier = notifier;
    this.sequencer = sequencer;
  }

  /**
   * The change-log topic under which a change of the document reaches the other nodes: present for
   * the documents some node keeps parsed, empty for those read at each use (no row is needed).
   */
  public static Optional<String> topic(DocumentSelector selector) {
    return StaticPresence.isStaticPresence(selector) || StoredRules.isRulesDocument(selector)
        ? Optional.of(TOPIC_PREFIX + selector.auid()) : Optional.empty();
  }

  /** The application usage a change-log topic names, empty when the topic is an event package's. */
  public static Optional<String> usageOf(String topic) {
    return topic.startsWith(TOPIC_PREFIX) ? Optional.of(topic.substring(TOPIC_PREFIX.length())) : Optional.empty();
  }

  /** A document was stored or deleted here: the parsed copy goes, and what it affects follows. */
  @Override
  public void accept(DocumentSelector selector) {
    Aor user = selector.user();
    if (StaticPresence.isStaticPresence(selector)) {
      staticPresence.invalidate(user);
      // RFC 4827: a change of static presence is a change of the presentity's state.
      sequencer.await(user, () -> {
        notifier.notifyWatchers(user, EventPackage.PRESENCE.name());
        return null;
      });
    }
    if (StoredRules.isRulesDocument(selector)) {
      storedRules.invalidate(user);
      reauthorization.ifPresent(authorize -> authorize.authorize(user)); // at once, not at the next refresh
    }
  }

  /**
   * Another node stored or deleted the user's document of the usage ({@link #topic}): in the user's
   * turn, the document is read again from the shared store (on {@code reader}, never the caller's
   * thread) and swapped in whole, then the same follows as after a change here.
   *
   * @return completes when the watchers are told (or the subscriptions authorized again)
   */
  public CompletableFuture<Void> changedElsewhere(Aor user, String auid, Executor reader) {
    if (StaticPresence.AUID.equals(auid)) {
      return sequencer.submit(user, () -> CompletableFuture
          .runAsync(() -> staticPresence.reload(user), reader)
          .thenRun(() -> notifier.notifyWatchers(user, EventPackage.PRESENCE.name())));
    }
    if (StoredRules.AUID.equals(auid)) {
      CompletionStage<Void> reloaded = sequencer.submit(user, () -> CompletableFuture.runAsync(() -> storedRules.reload(user), reader));
      return reloaded.thenCompose(ignored -> reauthorization
          .map(authorize -> authorize.authorize(user))
          .orElseGet(() -> CompletableFuture.completedFuture(null))).toCompletableFuture();
    }
    return CompletableFuture.completedFuture(null);
  }

  /**
   * Forgets every parsed document (a cluster node that lost its lease may have missed changes for
   * longer than the change log keeps them): each is read from the store at its next use.
   */
  public void forgetAll() {
    staticPresence.invalidateAll();
    storedRules.invalidateAll();
  }
}
