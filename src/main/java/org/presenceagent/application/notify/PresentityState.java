package org.presenceagent.application.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.presenceagent.application.port.DocumentCodec;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.presentity.PublicationRepository;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.registration.BindingRepository;
import org.presenceagent.domain.shared.Aor;

/**
 * Everything known about a presentity's presence: its live publications (RFC 3903) and, when the
 * seed's {@code use_callbacks} is on, its registered contacts (presence from the registrar). The
 * composed NOTIFY body and the seed's {@code target_online()} are both answered from here.
 */
public final class PresentityState {

  private final PublicationRepository publications;
  private final Optional<BindingRepository> bindings;
  private final DocumentCodec codec;
  private final Clock clock;

  private PresentityState(
      PublicationRepository publications, Optional<BindingRepository> bindings, DocumentCodec codec, Clock clock) {
    this.publications = publications;
    this.bindings = bindings;
    this.codec = codec;
    this.clock = clock;
  }

  /** Presence from publications only (seed {@code use_callbacks=0}). */
  public static PresentityState publicationsOnly(PublicationRepository publications, DocumentCodec codec, Clock clock) {
    return new PresentityState(publications, Optional.empty(), codec, clock);
  }

  /** Presence from publications and registrations (seed {@code use_callbacks=1}). */
  public static PresentityState withRegistrations(
      PublicationRepository publications, BindingRepository bindings, DocumentCodec codec, Clock clock) {
    return new PresentityState(publications, Optional.of(bindings), codec, clock);
  }

  /** The documents to compose, publications oldest first, then the registrations' document. */
  public List<PresenceDocument> documents(Aor presentity, String event) {
    List<PresenceDocument> documents = new ArrayList<>();
    for (Publication publication : publications.findByPresentity(presentity, event)) {
      if (!publication.isExpired(clock)) {
        documents.add(publication.document());
      }
    }
    if (EventPackage.PRESENCE.name().equals(event)) {
      List<Binding> live = liveBindings(presentity);
      if (!live.isEmpty()) {
        documents.add(codec.registrations(presentity, live));
      }
    }
    return documents;
  }

  /**
   * The seed's {@code target_online()}: registered, or some live publication says open.
   */
  public boolean isOnline(Aor presentity) {
    if (!liveBindings(presentity).isEmpty()) {
      return true;
    }
    return publications.findByPresentity(presentity, EventPackage.PRESENCE.name()).stream()
        .filter(publication -> !publication.isExpired(clock))
        .anyMatch(publication -> codec.isOpen(publication.document()));
  }

  /** The live registered contacts (empty when presence from registrations is off). */
  public List<Binding> liveBindings(Aor presentity) {
    return bindings.map(repository -> repository.findByAor(presentity).stream()
            .filter(binding -> !binding.isExpired(clock))
            .toList())
        .orElse(List.of());
  }
}
