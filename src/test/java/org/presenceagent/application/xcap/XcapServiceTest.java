package org.presenceagent.application.xcap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.port.RejectedDocumentException;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.xcap.DocumentSelector;
import org.presenceagent.domain.xcap.XcapDocument;
import org.presenceagent.domain.xcap.XcapDocumentRepository;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.infrastructure.persistence.InMemoryXcapDocumentRepository;
import org.presenceagent.testing.MutableClock;

/** Document operations of the XCAP server (RFC 4825 section 7, 8.2) with preconditions. */
class XcapServiceTest {

  private static final String TYPE = "application/auth-policy+xml";
  private static final DocumentSelector RULES =
      new DocumentSelector("pres-rules", Aor.parse("sip:alice@example.com"), "presence-rules.xml");

  private final List<DocumentSelector> changes = new ArrayList<>();
  private final XcapService service = new XcapService(
      List.of(new ApplicationUsage("pres-rules", TYPE, "urn:ietf:params:xml:ns:pres-rules", body -> {
        String text = new String(body, UTF_8);
        if (text.startsWith("<")) {
          throw new RejectedDocumentException(false, "not well-formed", null);
        }
        if (text.equals("invalid")) {
          throw new RejectedDocumentException(true, "invalid", null);
        }
      })),
      new InMemoryXcapDocumentRepository(), changes::add, new MutableClock(), 2);

  private static Preconditions ifMatch(String... tags) {
    return new Preconditions(Optional.of(List.of(tags)), Optional.empty());
  }

  private static Preconditions ifNoneMatch(String... tags) {
    return new Preconditions(Optional.empty(), Optional.of(List.of(tags)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static int status(Runnable action) {
    try {
      action.run();
      return 200;
    } catch (XcapRejectedException e) {
      return e.status();
    }
  }

  @Test
  void aWriterThatLostARaceJudgesTheClientsPreconditionsAgainstTheWinnersVersion() {
    InMemoryXcapDocumentRepository store = new InMemoryXcapDocumentRepository();
    XcapDocumentRepository racing = new RacingRepository(store);
    XcapService raced = new XcapService(List.of(new ApplicationUsage("pres-rules", TYPE, "urn:x", body -> { })),
        racing, changes::add, new MutableClock(), 10);
    String first = raced.put(RULES, TYPE, bytes("one"), Preconditions.NONE).document().etag().value();

    ((RacingRepository) racing).otherWriterBeforeNextWrite = true;
    assertThat(status(() -> raced.put(RULES, TYPE, bytes("mine"), ifMatch(first))))
        .as("another node replaced the version the If-Match named: 412, nothing written").isEqualTo(412);
    assertThat(new String(store.find(RULES).orElseThrow().body(), UTF_8)).isEqualTo("theirs");

    ((RacingRepository) racing).otherWriterBeforeNextWrite = true;
    assertThat(raced.put(RULES, TYPE, bytes("last"), Preconditions.NONE).created()).isFalse();
    assertThat(new String(store.find(RULES).orElseThrow().body(), UTF_8)).as("unconditional: applied last").isEqualTo("last");
  }

  /** A store in which another writer (another node) replaces the document between a read and the next write. */
  private static final class RacingRepository implements XcapDocumentRepository {
    private final InMemoryXcapDocumentRepository store;
    boolean otherWriterBeforeNextWrite;

    RacingRepository(InMemoryXcapDocumentRepository store) {
      this.store = store;
    }

    @Override
    public Optional<XcapDocument> find(DocumentSelector selector) {
      return store.find(selector);
    }

    @Override
    public boolean replace(XcapDocument document, Optional<ETag> expected) {
      if (otherWriterBeforeNextWrite) {
        otherWriterBeforeNextWrite = false;
        XcapDocument current = store.find(document.selector()).orElseThrow();
        store.replace(new XcapDocument(document.selector(), ETag.random(), TYPE, bytes("theirs"), current.modifiedAt()),
            Optional.of(current.etag()));
      }
      return store.replace(document, expected);
    }

    @Override
    public boolean remove(DocumentSelector selector, ETag expected) {
      return store.remove(selector, expected);
    }

    @Override
    public long countByUser(Aor user) {
      return store.countByUser(user);
    }
  }

  @Test
  void aUserBeyondTheQuotaGetsAConstraintFailureAndReplacingStaysPossible() {
    Aor alice = RULES.user();
    service.put(new DocumentSelector("pres-rules", alice, "one.xml"), TYPE, bytes("v1"), Preconditions.NONE);
    service.put(new DocumentSelector("pres-rules", alice, "two.xml"), TYPE, bytes("v1"), Preconditions.NONE);

    XcapRejectedException refused = org.assertj.core.api.Assertions.catchThrowableOfType(XcapRejectedException.class,
        () -> service.put(new DocumentSelector("pres-rules", alice, "three.xml"), TYPE, bytes("v1"), Preconditions.NONE));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.conflict()).contains(XcapRejectedException.Conflict.CONSTRAINT_FAILURE);
    assertThat(service.put(new DocumentSelector("pres-rules", alice, "two.xml"), TYPE, bytes("v2"), Preconditions.NONE)
        .created()).isFalse();
    assertThat(service.put(new DocumentSelector("pres-rules", Aor.parse("sip:bob@example.com"), "one.xml"), TYPE,
        bytes("v1"), Preconditions.NONE).created()).as("others have their own quota").isTrue();
  }

  @Test
  void putCreatesThenReplacesWithANewStrongEtagEachTime() {
    XcapService.PutResult created = service.put(RULES, TYPE + "; charset=UTF-8", bytes("v1"), Preconditions.NONE);
    XcapService.PutResult replaced = service.put(RULES, TYPE, bytes("v2"), ifMatch(created.document().etag().value()));

    assertThat(created.created()).isTrue();
    assertThat(replaced.created()).isFalse();
    assertThat(replaced.document().etag()).isNotEqualTo(created.document().etag());
    assertThat(service.get(RULES, Preconditions.NONE).document().body()).isEqualTo(bytes("v2"));
    assertThat(changes).containsExactly(RULES, RULES);
  }

  @Test
  void preconditionsAreChecked() {
    String etag = service.put(RULES, TYPE, bytes("v1"), ifNoneMatch("*")).document().etag().value();

    assertThat(status(() -> service.put(RULES, TYPE, bytes("v2"), ifNoneMatch("*")))).isEqualTo(412);
    assertThat(status(() -> service.put(RULES, TYPE, bytes("v2"), ifMatch("stale")))).isEqualTo(412);
    assertThat(status(() -> service.delete(RULES, ifMatch("stale")))).isEqualTo(412);
    assertThat(status(() -> service.get(RULES, ifMatch("stale")))).isEqualTo(412);
    assertThat(service.get(RULES, ifNoneMatch(etag)).notModified()).isTrue();
    assertThat(service.get(RULES, ifNoneMatch("other")).notModified()).isFalse();
    assertThat(changes).hasSize(1);

    service.delete(RULES, ifMatch(etag));
    assertThat(status(() -> service.get(RULES, Preconditions.NONE))).isEqualTo(404);
    assertThat(status(() -> service.delete(RULES, Preconditions.NONE))).isEqualTo(404);
    assertThat(status(() -> service.put(RULES, TYPE, bytes("v3"), ifMatch("*")))).isEqualTo(412);
  }

  @Test
  void invalidDocumentsAreConflictsOfTheRightKindAndNotStored() {
    assertThatThrownBy(() -> service.put(RULES, TYPE, bytes("<broken"), Preconditions.NONE))
        .isInstanceOfSatisfying(XcapRejectedException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.conflict()).contains(XcapRejectedException.Conflict.NOT_WELL_FORMED);
        });
    assertThatThrownBy(() -> service.put(RULES, TYPE, bytes("invalid"), Preconditions.NONE))
        .isInstanceOfSatisfying(XcapRejectedException.class,
            e -> assertThat(e.conflict()).contains(XcapRejectedException.Conflict.SCHEMA_VALIDATION_ERROR));
    assertThat(status(() -> service.put(RULES, "application/xml", bytes("v1"), Preconditions.NONE))).isEqualTo(415);
    assertThat(status(() -> service.get(RULES, Preconditions.NONE))).isEqualTo(404);
    assertThat(changes).isEmpty();
  }

  @Test
  void unknownApplicationUsagesAreNotFound() {
    DocumentSelector unknown = new DocumentSelector("resource-lists", RULES.user(), "index");
    assertThat(service.serves("resource-lists")).isFalse();
    assertThat(status(() -> service.put(unknown, TYPE, bytes("v1"), Preconditions.NONE))).isEqualTo(404);
  }
}
