package org.presenceagent.application.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.presenceagent.application.Completion;
import org.presenceagent.application.ExpiryGrant;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.expiry.PublicationTimers;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.port.DocumentCodec;
import org.presenceagent.application.port.InvalidDocumentException;
import org.presenceagent.application.port.UnsupportedContentTypeException;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.event.EventPackages;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.presentity.PublicationRepository;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.shared.ExpiryPolicy;
import org.presenceagent.domain.shared.UnitOfWork;

/**
 * Handles PUBLISH as the event state compositor (RFC 3903 section 6): initial publication,
 * refresh (no body), modification (body with {@code SIP-If-Match}) and removal ({@code Expires:
 * 0}). The publisher is answered as soon as the change is stored; then every change that alters
 * the composed state notifies the presentity's active watchers; a plain refresh does not, as the
 * state is unchanged.
 *
 * <p>The document is parsed on the receiving thread; the rest is a step in the presentity's turn
 * ({@link PresentitySequencer}) that stores the change in a unit of work and answers once it
 * committed, so the thread that received the PUBLISH never waits for the database.
 */
public final class PublishService {

  private final EventPackages eventPackages;
  /** Asked at each request: the limits may change while the server runs. */
  private final Supplier<ExpiryPolicy> expiryPolicy;
  private final DocumentCodec codec;
  private final PublicationRepository publications;
  private final UnitOfWork.Factory units;
  private final NotifyService notifier;
  private final PublicationTimers timers;
  private final PresentitySequencer sequencer;
  private final Clock clock;
  private final PublicationLimits limits;

  public PublishService(
      EventPackages eventPackages,
      Supplier<ExpiryPolicy> expiryPolicy,
      DocumentCodec codec,
      PublicationRepository publications,
      UnitOfWork.Factory units,
      NotifyService notifier,
      PublicationTimers timers,
      PresentitySequencer sequencer,
      Clock clock,
      PublicationLimits limits) {
    this.eventPackages = eventPackages;
    this.expiryPolicy = expiryPolicy;
    this.codec = codec;
    this.publications = publications;
    this.units = units;
    this.notifier = notifier;
    this.timers = timers;
    this.sequencer = sequencer;
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * Handles one PUBLISH; the responder is told the outcome: accepted, or rejected with 489 (event),
   * 423 (expiry), 415 (type), 400 (body), 412 (ETag), 403 (too many publications), 413 (composed
   * document too large) or the failure to store the change.
   *
   * @return completes once the request was answered
   */
  public CompletableFuture<Void> publish(PublishCommand command, PublishResponder responder) {
    return Completion.answering(() -> start(command, responder), responder::reject);
  }

  private CompletionStage<Void> start(PublishCommand command, PublishResponder responder) {
    EventPackage eventPackage = eventPackages.find(command.event())
        .filter(EventPackage::publishable)
        // RFC 3903 section 6: the 489 lists the packages PUBLISH is supported for.
        .orElseThrow(() -> RequestRejectedException.badEvent(eventPackages.publishableNames()));
    Duration granted = ExpiryGrant.of(expiryPolicy.get(), command.requestedExpires());
    // Parsed before taking the lock: parsing is the expensive part and touches no shared state.
    Optional<PresenceDocument> document = command.body().map(this::parse);
    return sequencer.submitNew(command.presentity(), () -> {
      Optional<Publication> stored = retransmitted(command, eventPackage);
      if (stored.isPresent()) {
        // Already applied before a crash took the response away: answer again, change nothing.
        responder.accept(new PublishResult(stored.get().etag(), stored.get().remainingSeconds(clock)));
        return Completion.done();
      }
      if (command.ifMatch().isPresent()) {
        return update(command, eventPackage, command.ifMatch().get(), document, granted, responder);
      }
      return initial(command, eventPackage, document, granted, responder);
    });
  }

  /**
   * The publication a retransmission of {@code command} produced. While the server runs, the SIP
   * transaction layer absorbs retransmissions; after a crash between commit and response (RFC 3261
   * section 17.1: the client retransmits the unchanged request) the stored Call-ID and CSeq
   * recognise it, so an initial PUBLISH does not create a second publication and a modification
   * does not fail with 412 for the entity tag it already replaced.
   */
  private Optional<Publication> retransmitted(PublishCommand command, EventPackage eventPackage) {
    if (command.request().isNone()) {
      return Optional.empty();
    }
    return publications.findByPresentity(command.presentity(), eventPackage.name()).stream()
        .filter(publication -> publication.producedBy(command.request()))
        .filter(publication -> sameBody(publication, command))
        .filter(publication -> !publication.isExpired(clock))
        .findFirst();
  }

  /**
   * A retransmission is the same request (RFC 3261 section 17.1), body included: Call-ID and CSeq
   * are chosen by the client, and another client reusing them must not be answered with somebody
   * else's entity tag. A request with a body matches the stored document's bytes; one without
   * (a refresh) must carry {@code SIP-If-Match} as the original did.
   */
  private static boolean sameBody(Publication publication, PublishCommand command) {
    return command.body()
        .map(body -> Arrays.equals(body.bytes(), publication.document().bytes()))
        .orElse(command.ifMatch().isPresent());
  }

  private List<Publication> live(PublishCommand command, EventPackage eventPackage) {
    return publications.findByPresentity(command.presentity(), eventPackage.name()).stream()
        .filter(publication -> !publication.isExpired(clock))
        .toList();
  }

  /** The composed document is at most the publications' documents together (checked before anything is stored). */
  private void requireComposedSize(List<Publication> others, PresenceDocument added) {
    long total = added.bytes().length;
    for (Publication publication : others) {
      total += publication.document().bytes().length;
    }
    if (total > limits.maxComposedBytes()) {
      throw new RequestRejectedException(413,
          "Request Entity Too Large (presence documents over " + limits.maxComposedBytes() + " bytes together)");
    }
  }

  private PresenceDocument parse(PublishCommand.Body body) {
    try {
      return codec.parse(body.contentType(), body.bytes());
    } catch (UnsupportedContentTypeException e) {
      throw new RequestRejectedException(
          415, "Unsupported Media Type", Map.of("Accept", String.join(", ", codec.publishableContentTypes())));
    } catch (InvalidDocumentException e) {
      throw RequestRejectedException.badRequest(e.getMessage());
    }
  }

  private CompletionStage<Void> initial(
      PublishCommand command,
      EventPackage eventPackage,
      Optional<PresenceDocument> document,
      Duration granted,
      PublishResponder responder) {
    if (document.isEmpty()) {
      // RFC 3903 section 6 step 4: an initial PUBLISH must carry a body.
      throw RequestRejectedException.badRequest("Missing body in initial PUBLISH");
    }
    List<Publication> others = live(command, eventPackage);
    if (others.size() >= limits.maxPublications()) {
      throw new RequestRejectedException(403, "Forbidden (Too Many Publications, limit " + limits.maxPublications() + ")");
    }
    requireComposedSize(others, document.get());
    Publication publication = Publication.initial(
        command.presentity(), eventPackage.name(), document.get(), granted, clock, command.request());
    if (granted.isZero()) { // published and withdrawn in one go: nothing to keep or tell
      responder.accept(new PublishResult(publication.etag(), 0));
      return Completion.done();
    }
    UnitOfWork work = units.begin();
    publications.add(work, publication);
    return work.commit().thenRun(() -> {
      timers.schedule(publication);
      responder.accept(new PublishResult(publication.etag(), granted.getSeconds()));
      notifier.notifyWatchers(command.presentity(), eventPackage.name());
    });
  }

  private CompletionStage<Void> update(
      PublishCommand command,
      EventPackage eventPackage,
      ETag ifMatch,
      Optional<PresenceDocument> document,
      Duration granted,
      PublishResponder responder) {
    Publication current = publications.find(ifMatch)
        .filter(found -> found.presentity().equals(command.presentity()))
        .filter(found -> found.event().equals(eventPackage.name()))
        .filter(found -> !found.isExpired(clock))
        .orElseThrow(() -> new RequestRejectedException(412, "Conditional Request Failed"));
    UnitOfWork work = units.begin();
    if (granted.isZero()) { // RFC 3903 section 4.5: removal
      publications.remove(work, ifMatch);
      return work.commit().thenRun(() -> {
        timers.cancel(ifMatch);
        responder.accept(new PublishResult(ifMatch, 0));
        notifier.notifyWatchers(command.presentity(), eventPackage.name());
      });
    }
    if (document.isPresent()) {
      List<Publication> others = live(command, eventPackage).stream()
          .filter(publication -> !publication.etag().equals(ifMatch)).toList();
      requireComposedSize(others, document.get());
    }
    Publication successor = document
        .map(newDocument -> current.modified(newDocument, granted, clock, command.request()))
        .orElseGet(() -> current.refreshed(granted, clock, command.request()));
    publications.replace(work, ifMatch, successor);
    return work.commit().thenRun(() -> {
      timers.cancel(ifMatch);
      timers.schedule(successor);
      responder.accept(new PublishResult(successor.etag(), granted.getSeconds()));
      if (document.isPresent()) {
        notifier.notifyWatchers(command.presentity(), eventPackage.name());
      }
    });
  }
}
