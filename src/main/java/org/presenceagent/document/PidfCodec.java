package org.presenceagent.document;

import jakarta.xml.bind.JAXBException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.xml.namespace.QName;
import org.presenceagent.application.port.DocumentCodec;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.application.port.UnsupportedContentTypeException;
import org.presenceagent.document.pidf.Pidf;
import org.presenceagent.document.pidf.PidfBinding;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.shared.Aor;

/**
 * Reads and writes PIDF documents ({@code application/pidf+xml}, RFC 3863).
 *
 * <p>Parsing goes through {@link SecureXml} and then checks what RFC 3863 requires beyond
 * well-formedness, including the rejection of unknown {@code mustUnderstand} extensions (section
 * 5). Composition forwards a lone publication byte for byte, so that extensions we do not know
 * reach the watcher untouched, merges several publications into one document, and describes a
 * presentity without publications as one closed tuple.
 *
 * <p>Thread-safe.
 */
public final class PidfCodec implements DocumentCodec {

  private final SecureXml secureXml;
  private final PidfValidator validator;
  private final PidfComposer composer = new PidfComposer();

  /** A codec that understands no extension element (none is interpreted by this server yet). */
  public PidfCodec(SecureXml secureXml) {
    this(secureXml, Set.of());
  }

  /**
   * @param understoodExtensions extension elements that may carry {@code mustUnderstand="true"}
   *     because this server implements them
   */
  public PidfCodec(SecureXml secureXml, Set<QName> understoodExtensions) {
    this.secureXml = Objects.requireNonNull(secureXml, "secureXml");
    this.validator = new PidfValidator(understoodExtensions);
  }

  @Override
  public Set<String> publishableContentTypes() {
    return Set.of(Pidf.CONTENT_TYPE);
  }

  /**
   * @param contentType compared case-insensitively, parameters such as {@code charset} ignored
   * @return a {@link ParsedPidf} with the original bytes
   */
  @Override
  public ParsedPidf parse(String contentType, byte[] body) {
    if (!MediaTypes.sameType(contentType, Pidf.CONTENT_TYPE)) {
      throw new UnsupportedContentTypeException(contentType);
    }
    return new ParsedPidf(contentType, body, read(body));
  }

  /**
   * @throws IllegalArgumentException when {@code contentType} is not {@code application/pidf+xml}
   *     or a publication is not a PIDF document
   */
  @Override
  public NotifyBody compose(Aor presentity, List<PresenceDocument> publications, String contentType) {
    if (!MediaTypes.sameType(contentType, Pidf.CONTENT_TYPE)) {
      throw new IllegalArgumentException("cannot compose presence as " + contentType);
    }
    publications.forEach(PidfCodec::requirePidf);
    if (publications.isEmpty()) {
      return pidf(composer.closed(presentity));
    }
    if (publications.size() == 1) {
      return pidf(publications.get(0).bytes());
    }
    List<Presence> models = new ArrayList<>(publications.size());
    for (PresenceDocument publication : publications) {
      models.add(modelOf(publication));
    }
    return pidf(composer.merge(presentity, models));
  }

  @Override
  public PresenceDocument registrations(Aor presentity, List<Binding> bindings) {
    return RegistrationDocuments.of(presentity, bindings);
  }

  @Override
  public boolean isOpen(PresenceDocument document) {
    return modelOf(document).getTuples().stream()
        .anyMatch(tuple -> tuple.getStatus() != null && Pidf.OPEN.equals(tuple.getStatus().getBasic()));
  }

  private Presence read(byte[] body) {
    try {
      return validator.validate(secureXml.unmarshal(body, PidfBinding.newUnmarshaller(), Presence.class));
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot create a PIDF unmarshaller", e);
    }
  }

  // Publications reloaded from storage are plain documents: only those are parsed again.
  private Presence modelOf(PresenceDocument publication) {
    return publication instanceof ParsedPidf parsed ? parsed.model() : read(publication.bytes());
  }

  private static void requirePidf(PresenceDocument publication) {
    if (!MediaTypes.sameType(publication.contentType(), Pidf.CONTENT_TYPE)) {
      throw new IllegalArgumentException("not a PIDF publication: " + publication.contentType());
    }
  }

  private static NotifyBody pidf(byte[] bytes) {
    return new NotifyBody(Pidf.CONTENT_TYPE, bytes);
  }
}
