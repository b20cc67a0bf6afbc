package org.presenceagent.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.auth.Transformations;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.shared.Aor;

/**
 * One change of a presentity is composed for each kind of watcher on whichever worker thread
 * sends the first NOTIFY of that kind, so several threads compose from the same stored
 * publications at once. A DOM is not safe for concurrent reads (Xerces expands an attribute's
 * value into a child node the first time it is walked), which once failed a NOTIFY with a
 * ClassCastException. Each round composes fresh publications, carrying extension elements with
 * attributes, from several threads released together, in every format.
 */
class ConcurrentCompositionTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final List<String> FORMATS = List.of(
      "application/pidf+xml", "application/cpim-pidf+xml", "application/xpidf+xml", "application/pidf+xml");

  private final PidfCodec codec = new PidfCodec(new SecureXml());

  @Test
  void threadsComposingTheSamePublicationsAtOnceAllSucceedAlike() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(FORMATS.size());
    try {
      for (int round = 0; round < 800; round++) {
        List<PresenceDocument> publications = List.of(
            codec.parse("application/pidf+xml", publication("phone", round)),
            codec.parse("application/pidf+xml", publication("laptop", round)));
        CyclicBarrier together = new CyclicBarrier(FORMATS.size());
        List<Future<String>> bodies = new ArrayList<>();
        for (String format : FORMATS) {
          bodies.add(threads.submit(() -> {
            together.await(5, TimeUnit.SECONDS);
            return new String(codec.compose(ALICE, publications, format, Transformations.ALL).bytes(), UTF_8);
          }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> body : bodies) {
          results.add(body.get(10, TimeUnit.SECONDS));
        }
        assertThat(results.get(3)).as("the same format composed twice at once").isEqualTo(results.get(0));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static byte[] publication(String device, int round) {
    StringBuilder persons = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      persons.append("<dm:person id=\"p").append(i).append("\" xml:lang=\"en\">")
          .append("<rpid:activities from=\"2026-12-02T10:00:00Z\"><rpid:away/></rpid:activities>")
          .append("<dm:note xml:lang=\"en\">round ").append(round).append("</dm:note></dm:person>");
    }
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
        + " xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" entity=\"sip:alice@example.com\">"
        + "<tuple id=\"" + device + "\"><status><basic>open</basic></status>"
        + "<contact priority=\"0.5\">sip:alice@" + device + ".example.com</contact></tuple>"
        + persons
        + "</presence>").getBytes(UTF_8);
  }
}
