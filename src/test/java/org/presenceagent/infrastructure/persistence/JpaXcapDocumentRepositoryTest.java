package org.presenceagent.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.xcap.DocumentSelector;
import org.presenceagent.domain.xcap.XcapDocument;

/**
 * Two writers of one document table, as two cluster nodes on one database are: each writes only
 * against the version it read, so two writes judged against the same version never both succeed.
 */
class JpaXcapDocumentRepositoryTest {

  private static final DocumentSelector RULES =
      new DocumentSelector("pres-rules", Aor.parse("sip:alice@example.com"), "index");

  private final String url = "jdbc:h2:mem:xcap-cas-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
  private final Database first = Database.open(url, "", "");
  private final Database second = Database.open(url, "", "");
  private final JpaXcapDocumentRepository nodeA = new JpaXcapDocumentRepository(first.transactions(TransactionListener.NONE));
  private final JpaXcapDocumentRepository nodeB = new JpaXcapDocumentRepository(second.transactions(TransactionListener.NONE));

  @AfterEach
  void close() {
    first.close();
    second.close();
  }

  @Test
  void onlyOneOfTwoWritersThatReadTheSameVersionWins() {
    assertThat(nodeA.replace(version("v1", "one"), Optional.empty())).isTrue();
    assertThat(nodeB.replace(version("v1b", "one b"), Optional.empty())).as("B believed there was none").isFalse();

    ETag read = nodeB.find(RULES).orElseThrow().etag();
    assertThat(nodeA.replace(version("v2", "two"), Optional.of(read))).isTrue();
    assertThat(nodeB.replace(version("v2b", "two b"), Optional.of(read))).as("A changed it since").isFalse();

    XcapDocument stored = nodeB.find(RULES).orElseThrow();
    assertThat(stored.etag()).isEqualTo(new ETag("v2"));
    assertThat(new String(stored.body(), StandardCharsets.UTF_8)).isEqualTo("two");
  }

  @Test
  void aRemovalNamesTheVersionItRemoves() {
    nodeA.replace(version("v1", "one"), Optional.empty());

    assertThat(nodeB.remove(RULES, new ETag("stale"))).isFalse();
    assertThat(nodeA.find(RULES)).isPresent();
    assertThat(nodeB.remove(RULES, new ETag("v1"))).isTrue();
    assertThat(nodeA.find(RULES)).isEmpty();
    assertThat(nodeA.remove(RULES, new ETag("v1"))).as("already gone").isFalse();
  }

  private static XcapDocument version(String etag, String body) {
    return new XcapDocument(RULES, new ETag(etag), "application/auth-policy+xml",
        body.getBytes(StandardCharsets.UTF_8), Instant.ofEpochMilli(1_000));
  }
}
