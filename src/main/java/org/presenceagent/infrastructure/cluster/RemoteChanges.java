package org.presenceagent.infrastructure.cluster;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.presenceagent.application.xcap.XcapDocumentChanges;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.infrastructure.persistence.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies another node's committed change of a presentity (a {@link ChangeFeed} row) to this node:
 * in the presentity's turn, reads its publications (and, when registrations are part of presence,
 * its bindings) from the database, swaps them into the in-memory repositories in one go, moves their
 * expiry timers, and notifies this node's watchers of the presentity through the notifier, as a
 * local change does (docs/scale-out.md, "Change propagation").
 *
 * <p>The read is the whole truth, not a delta: a row read twice or late changes nothing wrong, and
 * the document every node composes is the one the database holds. Reading happens on the
 * {@code reader} executor (never on the feed's thread, which goes back to the log at once), inside
 * the turn, so a local request of the same presentity waits for the swap rather than interleave.
 */
final class RemoteChanges implements Consumer<PresentityChangeRecord> {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteChanges.class);

  /** The node named in the records of a {@link #resyncAll}: this node itself, reading again. */
  private static final String RESYNC = "resync";

  private final NodeState node;
  private final Executor reader;
  private final RemoteWatcherChanges watchers;

  RemoteChanges(NodeState node, SubscriptionStore table, Executor reader) {
    this.node = node;
    this.reader = reader;
    this.watchers = new RemoteWatcherChanges(node, table, reader);
  }

  /** What the database holds for the changed presentity, read in its turn. */
  private record Stored(List<Publication> publications, Optional<List<Binding>> bindings) {}

  /**
   * Routes the row by what changed: one presence watcher (for winfo watchers), an XCAP document this
   * node may keep parsed, or the presentity's publications and bindings.
   */
  @Override
  public void accept(PresentityChangeRecord change) {
    if (change.subscriptionId().isPresent()) {
      watchers.accept(change, change.subscriptionId().get());
      return;
    }
    Optional<String> usage = XcapDocumentChanges.usageOf(change.event());
    if (usage.isPresent()) {
      node.xcapDocuments().changedElsewhere(change.presentity(), usage.get(), reader).exceptionally(failure -> {
        // The parsed copy was dropped: its next use reads the document again. Only the re-evaluation is lost.
        LOG.warn("could not apply the {} document change {} of {} from node {}: {}", usage.get(), change.seq(),
            change.presentity(), change.nodeId(), failure.toString());
        return null;
      });
      return;
    }
    acceptStateChange(change);
  }

  private void acceptStateChange(PresentityChangeRecord change) {
    node.sequencer().submit(change.presentity(), () -> CompletableFuture
            .supplyAsync(() -> read(change), reader)
            .thenAccept(stored -> apply(change, stored)))
        .exceptionally(failure -> {
          // The next change of the presentity, or a restart, reads it again; nothing half-applied.
          LOG.warn("could not apply change {} of {} from node {}: {}", change.seq(), change.presentity(),
              change.nodeId(), failure.toString());
          return null;
        });
  }

  /**
   * Reads every presentity again, each in its turn, as if each had changed on another node: after
   * this node lost its lease it may have been cut off from the log for longer than its retention.
   * Presentities held here and those stored are both read, so state deleted meanwhile goes too.
   * Runs on the calling thread up to the queueing of the turns (call it off the membership's thread).
   */
  void resyncAll() {
    Set<Aor> presentities = new HashSet<>(node.publications().presentities());
    presentities.addAll(node.publications().storedPresentities());
    node.bindings().ifPresent(bindings -> {
      presentities.addAll(bindings.aors());
      presentities.addAll(bindings.storedAors());
    });
    // Documents changed meanwhile are read at their next use.
    node.xcapDocuments().forgetAll();
    LOG.info("reading the state of {} presentities again", presentities.size());
    for (Aor presentity : presentities) {
      accept(new PresentityChangeRecord(0, presentity, EventPackage.PRESENCE.name(), RESYNC));
    }
  }

  private Stored read(PresentityChangeRecord change) {
    boolean presence = EventPackage.PRESENCE.name().equals(change.event());
    return new Stored(node.publications().stored(change.presentity(), change.event()),
        node.bindings().filter(ignored -> presence).map(bindings -> bindings.stored(change.presentity())));
  }

  private void apply(PresentityChangeRecord change, Stored stored) {
    List<Publication> previous = node.publications().replaceAll(change.presentity(), change.event(), stored.publications());
    Set<ETag> kept = stored.publications().stream().map(Publication::etag).collect(Collectors.toSet());
    previous.stream().map(Publication::etag).filter(etag -> !kept.contains(etag)).forEach(node.publicationTimers()::cancel);
    // Any node may expire a publication (its delete is conditional on the entity tag, which a refresh
    // elsewhere changes), so each node times what it holds.
    stored.publications().forEach(node.publicationTimers()::schedule);
    boolean bindingsChanged = stored.bindings().map(bindings -> {
      List<Binding> before = node.bindings().orElseThrow().replaceAll(change.presentity(), bindings);
      bindings.forEach(node.registrationTimers()::schedule);
      return !before.equals(bindings);
    }).orElse(false);
    // As on the node that made the change: a refresh of a publication, which leaves every document as
    // it was, notifies nobody; any change of the bindings does (RegisterService notifies on each).
    if (bindingsChanged || documentsChanged(previous, stored.publications())) {
      node.notifier().notifyWatchers(change.presentity(), change.event());
    }
  }

  /** Whether another node's change altered what is composed from the publications (content or order). */
  static boolean documentsChanged(List<Publication> before, List<Publication> after) {
    return !documents(before).equals(documents(after));
  }

  /** The publications' documents, comparable by content and order. */
  private static List<ByteBuffer> documents(List<Publication> publications) {
    return publications.stream().map(publication -> ByteBuffer.wrap(publication.document().bytes())).toList();
  }
}
