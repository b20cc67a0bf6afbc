package org.presenceagent.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.identity.SubscriberRejectedException.Kind;
import org.presenceagent.domain.shared.Aor;

class SubscriberDirectoryTest {

  private static final String REALM = "example.com";
  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final Aor BOB = Aor.parse("sip:bob@example.com");
  private static final LocalDomains DOMAINS = LocalDomains.of(List.of("example.com"));

  /** A table whose writes fail when told to, as a database that is down. */
  private static final class FlakyTable implements SubscriberTable {
    final List<Subscriber> rows = new ArrayList<>();
    boolean failing;

    @Override
    public List<Subscriber> loadAll() {
      return List.copyOf(rows);
    }

    @Override
    public void save(Subscriber subscriber) {
      if (failing) {
        throw new IllegalStateException("database down");
      }
      rows.removeIf(row -> row.aor().equals(subscriber.aor()));
      rows.add(subscriber);
    }

    @Override
    public void delete(Aor aor) {
      if (failing) {
        throw new IllegalStateException("database down");
      }
      rows.removeIf(row -> row.aor().equals(aor));
    }
  }

  @Test
  void storedUsersAreAddedReKeyedAndRemovedAndOnlyHashesAreKept() {
    FlakyTable table = new FlakyTable();
    SubscriberDirectory directory = new SubscriberDirectory(REALM, DOMAINS, List.of(), table);

    Subscriber added = directory.add(ALICE, "wonderland");

    assertThat(added.hasPassword("wonderland")).isTrue();
    assertThat(added.toString()).doesNotContain("wonderland");
    assertThat(table.rows).singleElement().satisfies(row -> assertThat(row.md5()).contains(
        DigestAlgorithm.MD5.ha1("alice", REALM, "wonderland")));
    assertThat(directory.changePassword(ALICE, "looking-glass").hasPassword("wonderland")).isFalse();
    assertThat(directory.find(ALICE).orElseThrow().hasPassword("looking-glass")).isTrue();
    assertThat(new SubscriberDirectory(REALM, DOMAINS, List.of(), table).find(ALICE)).as("read back at start").isPresent();

    directory.remove(ALICE);

    assertThat(directory.find(ALICE)).isEmpty();
    assertThat(table.rows).isEmpty();
  }

  @Test
  void aFailedWriteChangesNothing() {
    FlakyTable table = new FlakyTable();
    SubscriberDirectory directory = new SubscriberDirectory(REALM, DOMAINS, List.of(), table);
    directory.add(ALICE, "wonderland");
    table.failing = true;

    assertThatThrownBy(() -> directory.add(BOB, "builder")).hasMessage("database down");
    assertThatThrownBy(() -> directory.changePassword(ALICE, "new")).hasMessage("database down");
    assertThatThrownBy(() -> directory.remove(ALICE)).hasMessage("database down");

    assertThat(directory.find(BOB)).isEmpty();
    assertThat(directory.find(ALICE).orElseThrow().hasPassword("wonderland")).isTrue();
  }

  @Test
  void refusalsSayWhy() {
    Subscriber configured = Subscriber.withPassword(BOB, REALM, "builder", true);
    SubscriberDirectory directory = new SubscriberDirectory(REALM, DOMAINS, List.of(configured), new FlakyTable());

    assertThatThrownBy(() -> directory.add(BOB, "x")).isInstanceOfSatisfying(SubscriberRejectedException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
    assertThatThrownBy(() -> directory.remove(BOB)).isInstanceOfSatisfying(SubscriberRejectedException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT)).hasMessageContaining("configured");
    assertThatThrownBy(() -> directory.changePassword(ALICE, "x")).isInstanceOfSatisfying(SubscriberRejectedException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    assertThatThrownBy(() -> directory.add(Aor.parse("sip:eve@elsewhere.org"), "x"))
        .isInstanceOfSatisfying(SubscriberRejectedException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID));
    assertThatThrownBy(() -> directory.add(ALICE, "")).isInstanceOfSatisfying(SubscriberRejectedException.class,
        e -> assertThat(e.kind()).isEqualTo(Kind.INVALID));
  }

  @Test
  void rowsOfAnotherRealmAreNotUsed() {
    FlakyTable table = new FlakyTable();
    table.rows.add(Subscriber.withPassword(ALICE, "old-realm", "wonderland", false));

    assertThat(new SubscriberDirectory(REALM, DOMAINS, List.of(), table).find(ALICE))
        .as("its hashes cannot answer challenges of this realm").isEmpty();
  }

  @Test
  void bothUsernameFormsAndBothAlgorithmsHaveTheirHash() {
    Subscriber alice = Subscriber.withPassword(ALICE, REALM, "wonderland", true);

    assertThat(alice.ha1("alice", false)).contains(DigestAlgorithm.MD5.ha1("alice", REALM, "wonderland"));
    assertThat(alice.ha1("alice@example.com", true))
        .contains(DigestAlgorithm.SHA_256.ha1("alice@example.com", REALM, "wonderland"));
    assertThat(alice.ha1("bob", false)).isEmpty();
  }
}
