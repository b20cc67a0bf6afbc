package org.presenceagent.infrastructure.xcap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.presenceagent.document.PresRulesReader;
import org.presenceagent.document.SecureXml;
import org.presenceagent.domain.auth.PresRules;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.infrastructure.xcap.XcapDocumentType;
import org.presenceagent.testing.ManualExpiryScheduler;
import org.presenceagent.testing.MutableClock;

/**
 * The XCAP client against an HTTP stub, for what a real server will not do on demand: answer
 * slowly, fail with 5xx. A slow server must never hold the caller (a SIP thread) beyond the
 * bounded first wait.
 */
class XcapRulesClientStubTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final byte[] RULES = ("<ruleset xmlns='urn:ietf:params:xml:ns:common-policy'"
      + " xmlns:pr='urn:ietf:params:xml:ns:pres-rules'><rule id='all'><actions><pr:sub-handling>allow"
      + "</pr:sub-handling></actions></rule></ruleset>").getBytes(StandardCharsets.UTF_8);

  private final MutableClock clock = new MutableClock();
  private final ManualExpiryScheduler scheduler = new ManualExpiryScheduler(clock);
  private final List<Aor> changed = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(200);
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile boolean slow;
  private HttpServer server;

  private XcapRulesClient<PresRules> client() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/xcap-root/", exchange -> {
      try {
        if (slow) {
          release.await(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      int code = status.get();
      exchange.getResponseHeaders().add("ETag", "\"v1\"");
      exchange.sendResponseHeaders(code, code == 200 ? RULES.length : -1);
      if (code == 200) {
        exchange.getResponseBody().write(RULES);
      }
      exchange.close();
    });
    server.start();
    return new XcapRulesClient<>("http://127.0.0.1:" + server.getAddress().getPort() + "/xcap-root",
        Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(300),
        XcapDocumentType.presRules(new PresRulesReader(new SecureXml())), scheduler, clock, changed::add, 1000, 65536).start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aSlowServerDoesNotHoldTheCallerAndTheRulesAreReportedWhenTheyArrive() throws Exception {
    XcapRulesClient<PresRules> client = client();
    slow = true;

    long start = System.nanoTime();
    Optional<PresRules> first = client.apply(ALICE);
    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(first).isEmpty();
    assertThat(waitedMillis).isLessThan(1500);
    release.countDown();
    awaitChanged();
    assertThat(changed).containsExactly(ALICE);
    assertThat(client.apply(ALICE)).isPresent();
  }

  @Test
  void aFastServerAnswersWithinTheWaitAndNobodyIsToldAgain() throws Exception {
    XcapRulesClient<PresRules> client = client();

    assertThat(client.apply(ALICE)).isPresent();
    assertThat(client.apply(ALICE)).isPresent();
    assertThat(client.bodiesRead()).isEqualTo(1); // the second answer came from the cache
    assertThat(changed).isEmpty();
  }

  @Test
  void serverErrorsKeepTheRulesKnownBefore() throws Exception {
    XcapRulesClient<PresRules> client = client();
    status.set(503);
    assertThat(client.apply(ALICE)).isEmpty();

    status.set(200);
    client.refreshNow().get(5, TimeUnit.SECONDS);
    assertThat(client.apply(ALICE)).isPresent();
    assertThat(changed).containsExactly(ALICE);

    status.set(500);
    client.refreshNow().get(5, TimeUnit.SECONDS);
    assertThat(client.apply(ALICE)).isPresent();
    assertThat(changed).hasSize(1);
  }

  @Test
  void reloadReadsAgainAndReportsThePresentity() throws Exception {
    XcapRulesClient<PresRules> client = client();
    assertThat(client.apply(ALICE)).isPresent();

    client.reload(ALICE).get(5, TimeUnit.SECONDS);

    assertThat(client.bodiesRead()).isEqualTo(2);
    assertThat(changed).containsExactly(ALICE);
  }

  @Test
  void theRefreshTimerIsScheduled() throws Exception {
    client();
    assertThat(scheduler.find("xcap-refresh:pres-rules")).isPresent(); // one timer per document type
  }

  private void awaitChanged() throws InterruptedException {
    for (int i = 0; i < 100 && changed.isEmpty(); i++) {
      Thread.sleep(50);
    }
  }
}
