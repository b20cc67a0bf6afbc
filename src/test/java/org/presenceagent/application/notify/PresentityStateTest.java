package org.presenceagent.application.notify;

import org.presenceagent.testing.InMemory;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.port.DocumentCodec;
import org.presenceagent.document.PidfCodec;
import org.presenceagent.document.SecureXml;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.infrastructure.persistence.BindingStore;
import org.presenceagent.infrastructure.persistence.IndexedBindingRepository;
import org.presenceagent.infrastructure.persistence.IndexedPublicationRepository;
import org.presenceagent.infrastructure.persistence.PublicationStore;
import org.presenceagent.testing.MutableClock;

/** The seed's target_online() and the documents composed for a presentity. */
class PresentityStateTest {

  private static final Aor BOB = Aor.parse("sip:bob@example.com");

  private final MutableClock clock = new MutableClock();
  private final DocumentCodec codec = new PidfCodec(new SecureXml());
  private final IndexedPublicationRepository publications = new IndexedPublicationRepository(PublicationStore.NONE);
  private final IndexedBindingRepository bindings = new IndexedBindingRepository(BindingStore.NONE);
  private final PresentityState state = PresentityState.withRegistrations(publications, bindings, codec, clock);

  @Test
  void nobodyIsOnlineWithoutRegistrationOrOpenPublication() {
    assertThat(state.isOnline(BOB)).isFalse();
    assertThat(state.documents(BOB, "presence")).isEmpty();
  }

  @Test
  void aLiveRegistrationMakesTheUserOnlineUntilItExpires() {
    InMemory.save(bindings, Binding.create(BOB, "sip:bob@10.0.0.1", Optional.of(0.7), Optional.empty(), "c1", 1,
        Duration.ofSeconds(60), clock));

    assertThat(state.isOnline(BOB)).isTrue();
    assertThat(new String(state.documents(BOB, "presence").get(0).bytes(), StandardCharsets.UTF_8))
        .contains("sip:bob@10.0.0.1").contains("open").contains("0.7");

    clock.advance(Duration.ofSeconds(61));
    assertThat(state.isOnline(BOB)).isFalse();
    assertThat(state.documents(BOB, "presence")).isEmpty();
  }

  @Test
  void anOpenPublicationMakesTheUserOnlineAndAClosedOneDoesNot() {
    InMemory.add(publications, Publication.initial(BOB, "presence", pidf("closed"), Duration.ofSeconds(60), clock));
    assertThat(state.isOnline(BOB)).isFalse();

    InMemory.add(publications, Publication.initial(BOB, "presence", pidf("open"), Duration.ofSeconds(60), clock));
    assertThat(state.isOnline(BOB)).isTrue();
  }

  @Test
  void registrationsAreIgnoredWhenPresenceComesFromPublicationsOnly() {
    InMemory.save(bindings, Binding.create(BOB, "sip:bob@10.0.0.1", Optional.empty(), Optional.empty(), "c1", 1,
        Duration.ofSeconds(60), clock));

    PresentityState publicationsOnly = PresentityState.publicationsOnly(publications, codec, clock);

    assertThat(publicationsOnly.isOnline(BOB)).isFalse();
    assertThat(publicationsOnly.documents(BOB, "presence")).isEmpty();
  }

  private org.presenceagent.domain.presentity.PresenceDocument pidf(String basic) {
    String xml = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:bob@example.com\">"
        + "<tuple id=\"t\"><status><basic>" + basic + "</basic></status></tuple></presence>";
    return codec.parse("application/pidf+xml", xml.getBytes(StandardCharsets.UTF_8));
  }
}
