package org.presenceagent.application.xcap;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.presenceagent.application.port.RejectedDocumentException;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.xcap.DocumentSelector;
import org.presenceagent.domain.xcap.XcapDocument;
import org.presenceagent.domain.xcap.XcapDocumentRepository;

/**
 * The document operations of an XCAP server (RFC 4825 section 7: whole documents only): fetch,
 * create or replace, delete, each subject to the request's preconditions, with validation by the
 * document's application usage before anything is stored. After a change, listeners learn which
 * document changed (e.g. to re-evaluate a user's subscriptions).
 *
 * <p>Changes are serialised: the precondition check and the write are one step, so two clients
 * that both hold the current entity tag cannot both win.
 */
public final class XcapService {

  /**
   * How often a write is judged again after another writer changed the document between our read
   * and our write (optimistic concurrency: the store checks the entity tag we read). Each retry
   * re-evaluates the client's preconditions against the new document, so a conditional request
   * loses with 412 and an unconditional one is applied last; only a document rewritten this many
   * times in a row during one request is answered 412.
   */
  private static final int WRITE_ATTEMPTS = 5;

  private final Map<String, ApplicationUsage> usages = new LinkedHashMap<>();
  private final XcapDocumentRepository documents;
  private final Consumer<DocumentSelector> changeListener;
  private final Clock clock;
  private final int maxDocumentsPerUser;

  /** @param maxDocumentsPerUser most documents one user may keep ({@code xcap_max_documents}) */
  public XcapService(
      List<ApplicationUsage> usages,
      XcapDocumentRepository documents,
      Consumer<DocumentSelector> changeListener,
      Clock clock,
      int maxDocumentsPerUser) {
    usages.forEach(usage -> this.usages.put(usage.auid(), usage));
    this.documents = documents;
    this.changeListener = changeListener;
    this.clock = clock;
    this.maxDocumentsPerUser = maxDocumentsPerUser;
  }

  /** The application usages served, in registration order (for {@code xcap-caps}). */
  public List<ApplicationUsage> usages() {
    return List.copyOf(usages.values());
  }

  /** Whether the AUID is one this server serves. */
  public boolean serves(String auid) {
    return usages.containsKey(auid);
  }

  /**
   * The current document, and whether the client's copy is still current ({@code If-None-Match}
   * matches: the answer is 304 without a body, RFC 7232 section 4.1).
   *
   * @throws XcapRejectedException 404 when there is no such document, 412 when {@code If-Match}
   *     fails
   */
  public Fetch get(DocumentSelector selector, Preconditions preconditions) {
    usage(selector);
    Optional<XcapDocument> current = documents.find(selector);
    if (current.isEmpty()) {
      throw XcapRejectedException.notFound("no document " + selector.path());
    }
    if (!preconditions.ifMatchHolds(current)) {
      throw XcapRejectedException.preconditionFailed();
    }
    return new Fetch(current.get(), !preconditions.ifNoneMatchHolds(current));
  }

  /**
   * Creates or replaces a document (RFC 4825 section 7.4 and 8.2.1).
   *
   * @return the stored document and whether it was created (201) rather than replaced (200)
   * @throws XcapRejectedException 412, 415 or 409 (with the conflict; a new document beyond the
   *     user's quota is a {@code constraint-failure}, RFC 4825 section 11)
   */
  public PutResult put(DocumentSelector selector, String contentType, byte[] body, Preconditions preconditions) {
    ApplicationUsage usage = usage(selector);
    if (!sameMediaType(contentType, usage.mimeType())) {
      throw XcapRejectedException.unsupportedMediaType(usage.mimeType());
    }
    try {
      usage.validator().accept(body);
    } catch (RejectedDocumentException e) {
      throw XcapRejectedException.conflict(
          e.wellFormed() ? XcapRejectedException.Conflict.SCHEMA_VALIDATION_ERROR
              : XcapRejectedException.Conflict.NOT_WELL_FORMED,
          e.getMessage());
    }
    for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      Optional<XcapDocument> current = documents.find(selector);
      if (!preconditions.ifMatchHolds(current) || !preconditions.ifNoneMatchHolds(current)) {
        throw XcapRejectedException.preconditionFailed();
      }
      // Document names are the client's choice: without a quota one account could fill the database.
      if (current.isEmpty() && documents.countByUser(selector.user()) >= maxDocumentsPerUser) {
        throw XcapRejectedException.conflict(XcapRejectedException.Conflict.CONSTRAINT_FAILURE,
            "quota of " + maxDocumentsPerUser + " documents per user reached");
      }
      XcapDocument document = new XcapDocument(selector, ETag.random(), usage.mimeType(), body.clone(), clock.instant());
      if (documents.replace(document, current.map(XcapDocument::etag))) {
        changeListener.accept(selector);
        return new PutResult(document, current.isEmpty());
      }
      // Another writer (thread or node) changed the document since we read it: judge again.
    }
    throw XcapRejectedException.preconditionFailed();
  }

  /**
   * Deletes a document (RFC 4825 section 7.5).
   *
   * @throws XcapRejectedException 404 when there is none, 412 when a precondition fails
   */
  public void delete(DocumentSelector selector, Preconditions preconditions) {
    usage(selector);
    for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      Optional<XcapDocument> current = documents.find(selector);
      if (current.isEmpty()) {
        throw XcapRejectedException.notFound("no document " + selector.path());
      }
      if (!preconditions.ifMatchHolds(current) || !preconditions.ifNoneMatchHolds(current)) {
        throw XcapRejectedException.preconditionFailed();
      }
      if (documents.remove(selector, current.get().etag())) {
        changeListener.accept(selector);
        return;
      }
    }
    throw XcapRejectedException.preconditionFailed();
  }

  private ApplicationUsage usage(DocumentSelector selector) {
    ApplicationUsage usage = usages.get(selector.auid());
    if (usage == null) {
      throw XcapRejectedException.notFound("unknown application usage " + selector.auid());
    }
    return usage;
  }

  private static boolean sameMediaType(String contentType, String expected) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    return type.equalsIgnoreCase(expected);
  }

  /** A fetched document and whether the client already has it (304). */
  public record Fetch(XcapDocument document, boolean notModified) {}

  /** A stored document and whether the PUT created it. */
  public record PutResult(XcapDocument document, boolean created) {}
}
