package org.presenceagent.domain.presentity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.RequestId;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.testing.MutableClock;

class PublicationTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");

  private final MutableClock clock = new MutableClock();

  private static PresenceDocument document(String text) {
    byte[] bytes = text.getBytes(UTF_8);
    return new PresenceDocument() {
      @Override
      public String contentType() {
        return "application/pidf+xml";
      }

      @Override
      public byte[] bytes() {
        return bytes;
      }
    };
  }

  @Test
  void anInitialPublicationGetsATagAndExpiry() {
    PresenceDocument open = document("open");

    Publication publication = Publication.initial(ALICE, "presence", open, Duration.ofSeconds(600), clock);

    assertThat(publication.etag()).isNotNull();
    assertThat(publication.presentity()).isEqualTo(ALICE);
    assertThat(publication.event()).isEqualTo("presence");
    assertThat(publication.document()).isSameAs(open);
    assertThat(publication.publishedAt()).isEqualTo(MutableClock.START);
    assertThat(publication.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(600));
  }

  @Test
  void twoInitialPublicationsHaveDifferentTags() {
    PresenceDocument open = document("open");

    assertThat(Publication.initial(ALICE, "presence", open, Duration.ofSeconds(60), clock).etag())
        .isNotEqualTo(Publication.initial(ALICE, "presence", open, Duration.ofSeconds(60), clock).etag());
  }

  @Test
  void aRefreshKeepsTheDocumentAndPublishedAtWithANewTagAndExpiry() {
    Publication initial = Publication.initial(ALICE, "presence", document("open"), Duration.ofSeconds(600), clock);
    clock.advanceSeconds(300);

    Publication refreshed = initial.refreshed(Duration.ofSeconds(900), clock, RequestId.NONE);

    assertThat(refreshed.etag()).isNotEqualTo(initial.etag());
    assertThat(refreshed.document()).isSameAs(initial.document());
    assertThat(refreshed.publishedAt()).isEqualTo(initial.publishedAt());
    assertThat(refreshed.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(300 + 900));
  }

  @Test
  void aModificationReplacesTheDocumentWithANewTagAndKeepsPublishedAt() {
    Publication initial = Publication.initial(ALICE, "presence", document("open"), Duration.ofSeconds(600), clock);
    clock.advanceSeconds(120);
    PresenceDocument closed = document("closed");

    Publication modified = initial.modified(closed, Duration.ofSeconds(600), clock, RequestId.NONE);

    assertThat(modified.etag()).isNotEqualTo(initial.etag());
    assertThat(modified.document()).isSameAs(closed);
    assertThat(modified.publishedAt()).isEqualTo(MutableClock.START);
    assertThat(modified.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(720));
  }

  @Test
  void expiryFollowsTheClock() {
    Publication publication = Publication.initial(ALICE, "presence", document("open"), Duration.ofSeconds(60), clock);

    assertThat(publication.isExpired(clock)).isFalse();
    assertThat(publication.remainingSeconds(clock)).isEqualTo(60);

    clock.advanceSeconds(59);
    assertThat(publication.isExpired(clock)).isFalse();
    assertThat(publication.remainingSeconds(clock)).isEqualTo(1);

    clock.advanceSeconds(1);
    assertThat(publication.isExpired(clock)).isTrue();
    assertThat(publication.remainingSeconds(clock)).isZero();

    clock.advanceSeconds(100);
    assertThat(publication.remainingSeconds(clock)).isZero();
  }

  @Test
  void requiresEveryPart() {
    assertThatNullPointerException()
        .isThrownBy(() -> new Publication(ETag.random(), ALICE, "presence", null, clock.instant(), clock.instant()))
        .withMessage("document");
  }
}
