package org.presenceagent.document;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.presenceagent.application.port.DocumentCodec;
import org.presenceagent.application.port.InvalidDocumentException;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.application.port.UnsupportedContentTypeException;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.auth.Transformations;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.shared.Aor;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.NodeList;

/**
 * Reads PIDF documents ({@code application/pidf+xml}, RFC 3863, with any RFC 4479/4480
 * extensions) and CPIM-PIDF ({@code application/cpim-pidf+xml}, read as PIDF under its old
 * namespace); writes PIDF, CPIM-PIDF, XPIDF and LPIDF ({@link DocumentWriter}).
 *
 * <p>Parsing goes through {@link SecureXml} and then checks what RFC 3863 requires beyond
 * well-formedness, including the rejection of unknown {@code mustUnderstand} extensions (section
 * 5). Published documents are read leniently: the {@link Deviation}s real clients are known to
 * publish are repaired ({@link PidfRepairs}), counted ({@link RepairCounter}) and logged at DEBUG,
 * and the repaired model, written back in the published format, replaces the published bytes, so
 * neither the database nor any watcher ever sees the deviation. Composition forwards a lone publication byte for byte when the watcher wants the format it
 * was published in, so that extensions we do not know reach the watcher untouched; otherwise it
 * merges the publications into one model ({@link PidfComposer}) and writes that in the watcher's
 * format. A presentity without publications is one closed tuple. A watcher whose view is not the
 * whole document gets the composed model filtered by {@link TransformationFilter} (RFC 5025
 * section 3.3); the parsed models are reused, so filtering parses nothing again.
 *
 * <p>Thread-safe.
 */
public final class PidfCodec implements DocumentCodec {

  private static final Set<String> READABLE =
      Collections.unmodifiableSet(new LinkedHashSet<>(List.of(Pidf.CONTENT_TYPE, CpimPidf.CONTENT_TYPE)));

  private static final Logger LOG = LoggerFactory.getLogger(PidfCodec.class);

  private final SecureXml secureXml;
  private final PidfValidator validator;
  private final RepairCounter repairCounter;
  private final PidfComposer composer = new PidfComposer();

  /** A codec that understands no extension element and counts no repair (tests, tools). */
  public PidfCodec(SecureXml secureXml) {
    this(secureXml, Set.of(), RepairCounter.NONE);
  }

  /**
   * A codec that understands no extension element (none is interpreted by this server yet).
   *
   * @param repairCounter told of every deviation repaired in a published document
   */
  public PidfCodec(SecureXml secureXml, RepairCounter repairCounter) {
    this(secureXml, Set.of(), repairCounter);
  }

  /**
   * @param understoodExtensions extension elements that may carry {@code mustUnderstand="true"}
   *     because this server implements them
   */
  public PidfCodec(SecureXml secureXml, Set<QName> understoodExtensions) {
    this(secureXml, understoodExtensions, RepairCounter.NONE);
  }

  private PidfCodec(SecureXml secureXml, Set<QName> understoodExtensions, RepairCounter repairCounter) {
    this.secureXml = Objects.requireNonNull(secureXml, "secureXml");
    this.validator = new PidfValidator(understoodExtensions);
    this.repairCounter = Objects.requireNonNull(repairCounter, "repairCounter");
  }

  /** PIDF first: the order of the {@code Accept} header of a 415. */
  @Override
  public Set<String> publishableContentTypes() {
    return READABLE;
  }

  /**
   * Reads a published document leniently (see {@link Deviation}).
   *
   * @param contentType compared case-insensitively, parameters such as {@code charset} ignored
   * @return a {@link ParsedPidf} with the published bytes, or with the repaired document written
   *     in the published format when something was repaired
   */
  @Override
  public ParsedPidf parse(String contentType, byte[] body) {
    Reading reading = read(contentType, body);
    if (reading.repairs().isEmpty()) {
      return new ParsedPidf(contentType, body, reading.model());
    }
    reading.repairs().stream().map(PidfRepairs.Repair::deviation).distinct().forEach(repairCounter::repaired);
    LOG.debug("PIDF of {} accepted after repairs: {}", reading.model().getEntity(), reading.repairs());
    return ParsedPidf.repaired(contentType, reading.model());
  }

  /**
   * Reads a document that will be kept and served back as it is (an XCAP {@code
   * pidf-manipulation} document): a {@link Deviation} is refused with the reason it would have
   * been repaired for, since nothing may repair it on its way back to the XCAP client.
   */
  @Override
  public ParsedPidf parseStrictly(String contentType, byte[] body) {
    Reading reading = read(contentType, body);
    if (!reading.repairs().isEmpty()) {
      throw new InvalidDocumentException("Invalid PIDF: " + reading.repairs().get(0).deviation().refusal());
    }
    return new ParsedPidf(contentType, body, reading.model());
  }

  /**
   * @throws IllegalArgumentException when {@code contentType} is not one we write or a
   *     publication is not a PIDF or CPIM-PIDF document
   */
  @Override
  public NotifyBody compose(Aor presentity, List<PresenceDocument> publications, String contentType,
      Transformations view) {
    DocumentWriter writer = DocumentWriter.forType(contentType);
    if (writer == null) {
      throw new IllegalArgumentException("cannot compose presence as " + contentType);
    }
    publications.forEach(PidfCodec::requireReadable);
    boolean whole = view.showsEverything();
    if (whole && publications.size() == 1
        && MediaTypes.sameType(publications.get(0).contentType(), writer.contentType())) {
      return new NotifyBody(writer.contentType(), publications.get(0).bytes());
    }
    // The composed model refers to the publications' own extension nodes until it is written.
    return ParsedPidf.whileReading(parsedAmong(publications), () -> {
      Presence composed;
      if (publications.isEmpty()) {
        composed = composer.closed(presentity);
      } else {
        List<Presence> models = new ArrayList<>(publications.size());
        for (PresenceDocument publication : publications) {
          models.add(modelOf(publication));
        }
        composed = composer.merge(presentity, models);
      }
      // The neutral closed document of a presentity without state is shown as it is, like polite-block's.
      if (!whole && !publications.isEmpty()) {
        composed = TransformationFilter.apply(composed, view);
      }
      return new NotifyBody(writer.contentType(), writer.write(presentity, composed));
    });
  }

  private static List<ParsedPidf> parsedAmong(List<PresenceDocument> documents) {
    List<ParsedPidf> parsed = new ArrayList<>(documents.size());
    for (PresenceDocument document : documents) {
      if (document instanceof ParsedPidf one) {
        parsed.add(one);
      }
    }
    return parsed;
  }

  /**
   * The RPID {@code <sphere>} (RFC 4480 section 3.6) of the newest document whose person states
   * one: its text, or the name of its {@code <work/>}, {@code <home/>} or other child element.
   */
  @Override
  public Optional<String> sphere(List<PresenceDocument> documents) {
    for (int i = documents.size() - 1; i >= 0; i--) {
      PresenceDocument document = documents.get(i);
      Optional<String> sphere = ParsedPidf.whileReading(parsedAmong(List.of(document)), () -> sphereOf(modelOf(document)));
      if (sphere.isPresent()) {
        return sphere;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> sphereOf(Presence model) {
    for (Element extension : model.getExtensions()) {
      NodeList spheres = extension.getElementsByTagNameNS(Availability.RPID_NAMESPACE, "sphere");
      for (int j = 0; j < spheres.getLength(); j++) {
        Optional<String> value = sphereValue((Element) spheres.item(j));
        if (value.isPresent()) {
          return value;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> sphereValue(Element sphere) {
    for (Node child = sphere.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element named) {
        return Optional.of(named.getLocalName());
      }
    }
    String text = sphere.getTextContent().trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
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

  /** A validated, repaired model and the repairs it took. */
  private record Reading(Presence model, List<PidfRepairs.Repair> repairs) {}

  private Reading read(String contentType, byte[] body) {
    Presence model = validated(contentType, body);
    return new Reading(model, PidfRepairs.repair(model));
  }

  private Presence validated(String contentType, byte[] body) {
    try {
      Unmarshaller unmarshaller = XmlBinding.newUnmarshaller();
      JAXBElement<Presence> root;
      if (MediaTypes.sameType(contentType, Pidf.CONTENT_TYPE)) {
        root = secureXml.unmarshal(body, unmarshaller, Presence.class);
      } else if (MediaTypes.sameType(contentType, CpimPidf.CONTENT_TYPE)) {
        root = secureXml.unmarshal(body, unmarshaller, Presence.class, CpimPidf.NAMESPACE, Pidf.NAMESPACE);
      } else {
        throw new UnsupportedContentTypeException(contentType);
      }
      return validator.validate(root);
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot create a PIDF unmarshaller", e);
    }
  }

  // Publications reloaded from storage are plain documents: only those are parsed again.
  private Presence modelOf(PresenceDocument publication) {
    return publication instanceof ParsedPidf parsed
        ? parsed.model()
        : read(publication.contentType(), publication.bytes()).model();
  }

  private static void requireReadable(PresenceDocument publication) {
    if (READABLE.stream().noneMatch(type -> MediaTypes.sameType(publication.contentType(), type))) {
      throw new IllegalArgumentException("not a PIDF publication: " + publication.contentType());
    }
  }
}
