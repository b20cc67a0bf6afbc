package org.presenceagent.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.presenceagent.infrastructure.persistence.TransactionListener.Outcome;
import org.junit.jupiter.api.Test;

class PresenceMetricsTest {

  private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();

  @Test
  void sipRequestsAreCountedByMethodAndResponseClass() {
    try (PresenceMetrics metrics = PresenceMetrics.start(false, "test")) {
      metrics.sipRequest("SUBSCRIBE", 200);
      metrics.sipRequest("SUBSCRIBE", 202);
      metrics.sipRequest("SUBSCRIBE", 489);
      metrics.sipRequest("MESSAGE", 0);

      assertThat(count(metrics, "presence.sip.requests", "method", "SUBSCRIBE", "class", "2xx")).isEqualTo(2);
      assertThat(count(metrics, "presence.sip.requests", "method", "SUBSCRIBE", "class", "4xx")).isEqualTo(1);
      assertThat(count(metrics, "presence.sip.requests", "method", "MESSAGE", "class", "none")).isEqualTo(1);
    }
  }

  @Test
  void methodsAClientMakesUpShareOneSeries() {
    try (PresenceMetrics metrics = PresenceMetrics.start(false, "test")) {
      for (int i = 0; i < 1000; i++) {
        metrics.sipRequest("FOO" + i, 405);
        metrics.xcapServerRequest("FOO" + i, 405);
      }
      metrics.xcapServerRequest("GET", 200);

      assertThat(count(metrics, "presence.sip.requests", "method", "other", "class", "4xx")).isEqualTo(1000);
      assertThat(metrics.registry().find("presence.sip.requests").counters()).hasSize(1);
      assertThat(metrics.registry().find("presence.xcap.server.requests").counters()).hasSize(2);
      assertThat(metrics.scrape(null).body()).doesNotContain("FOO");
    }
  }

  @Test
  void notifyAnswersAreCountedByClassAndTimeoutsApart() {
    try (PresenceMetrics metrics = PresenceMetrics.start(false, "test")) {
      metrics.notifyAnswered(200);
      metrics.notifyAnswered(408);
      metrics.notifyAnswered(481);

      assertThat(count(metrics, "presence.notify.responses", "class", "2xx")).isEqualTo(1);
      assertThat(count(metrics, "presence.notify.responses", "class", "4xx")).isEqualTo(2);
      assertThat(metrics.registry().get("presence.notify.timeouts").counter().count()).isEqualTo(1);
    }
  }

  @Test
  void repairedDocumentsAreCountedByDeviation() {
    try (PresenceMetrics metrics = PresenceMetrics.start(false, "test")) {
      metrics.pidfRepaired("basic-unknown");
      metrics.pidfRepaired("basic-unknown");
      metrics.pidfRepaired("priority-invalid");

      assertThat(metrics.registry().get("presence.pidf.repairs").tag("deviation", "basic-unknown").counter().count())
          .isEqualTo(2);
      assertThat(metrics.registry().get("presence.pidf.repairs").tag("deviation", "priority-invalid").counter().count())
          .isEqualTo(1);
      assertThat(metrics.scrape(null).body())
          .contains("presence_pidf_repairs_total{deviation=\"basic-unknown\"} 2.0");
    }
  }

  @Test
  void transactionsAreTimedByOutcome() {
    try (PresenceMetrics metrics = PresenceMetrics.start(false, "test")) {
      metrics.transaction(Duration.ofMillis(3), Outcome.COMMIT);
      metrics.transaction(Duration.ofMillis(5), Outcome.COMMIT);
      metrics.transaction(Duration.ofMillis(7), Outcome.ROLLBACK);
      metrics.transaction(Duration.ofMillis(1), Outcome.READ);

      var commits = metrics.registry().get("presence.db.transactions").tag("outcome", "commit").timer();
      assertThat(commits.count()).isEqualTo(2);
      assertThat(commits.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(8.0);
      assertThat(metrics.registry().get("presence.db.transactions").tag("outcome", "rollback").timer().count())
          .as("failures only").isEqualTo(1);
      assertThat(metrics.registry().get("presence.db.transactions").tag("outcome", "read").timer().count()).isEqualTo(1);
    }
  }

  @Test
  void rulesCacheCountersReadTheOwnersCounts() {
    AtomicLong hits = new AtomicLong();
    AtomicLong misses = new AtomicLong();
    try (PresenceMetrics metrics = PresenceMetrics.start(false, "test")) {
      metrics.rulesCache("stored", hits, h -> h.get(), h -> misses.get());
      hits.set(5);
      misses.set(2);

      assertThat(metrics.registry().get("presence.rules.cache").tags("source", "stored", "result", "hit")
          .functionCounter().count()).isEqualTo(5);
      assertThat(metrics.registry().get("presence.rules.cache").tags("source", "stored", "result", "miss")
          .functionCounter().count()).isEqualTo(2);
    }
  }

  @Test
  void theScrapeIsPrometheusTextUnlessOpenMetricsIsAsked() {
    try (PresenceMetrics metrics = PresenceMetrics.start(false, "test")) {
      metrics.sipRequest("PUBLISH", 200);
      metrics.xcapServerRequest("PUT", 201);
      metrics.transaction(Duration.ofMillis(2), Outcome.COMMIT);

      PresenceMetrics.Exposition text = metrics.scrape("*/*");
      assertThat(text.contentType()).startsWith("text/plain; version=0.0.4");
      assertThat(text.body())
          .contains("presence_sip_requests_total{class=\"2xx\",method=\"PUBLISH\"} 1.0")
          .contains("presence_xcap_server_requests_total{class=\"2xx\",method=\"PUT\"} 1.0")
          .contains("presence_db_transactions_seconds_count{outcome=\"commit\"} 1")
          .contains("presence_db_transactions_seconds_max{outcome=\"commit\"} 0.002")
          .containsPattern("(?m)^presence_start_time \\d");

      PresenceMetrics.Exposition open = metrics.scrape("application/openmetrics-text; version=1.0.0");
      assertThat(open.contentType()).startsWith("application/openmetrics-text");
      assertThat(open.body()).contains("presence_sip_requests_total{class=\"2xx\",method=\"PUBLISH\"} 1").endsWith("# EOF\n");
    }
  }

  @Test
  void twoInstancesPublishUnderTheirOwnNamesAndLeaveNothingBehind() throws Exception {
    PresenceMetrics first = PresenceMetrics.start(true, "first");
    PresenceMetrics second = PresenceMetrics.start(true, "second");
    try {
      first.sipRequest("OPTIONS", 200);
      second.sipRequest("OPTIONS", 200);
      second.sipRequest("OPTIONS", 200);

      assertThat(MBEANS.queryNames(deployment("first"), null))
          .anySatisfy(name -> assertThat(name.getKeyProperty("metric")).contains("presenceSipRequests"));
      ObjectName secondRequests = MBEANS.queryNames(deployment("second"), null).stream()
          .filter(name -> name.getKeyProperty("metric").contains("presenceSipRequests")).findFirst().orElseThrow();
      assertThat(secondRequests.getDomain()).isEqualTo("org.presenceagent");
      assertThat(MBEANS.getAttribute(secondRequests, "Count")).isEqualTo(2L);
    } finally {
      first.close();
      second.close();
    }
    assertThat(MBEANS.queryNames(deployment("first"), null)).isEmpty();
    assertThat(MBEANS.queryNames(deployment("second"), null)).isEmpty();
  }

  @Test
  void meterNamesAreQuotedIntoValidObjectNames() {
    ObjectName name = PresenceMetrics.objectName("presence-agent", "counters", "presenceSipRequests.class.2xx,x=*");
    assertThat(name.getKeyProperty("type")).isEqualTo("Metrics");
    assertThat(ObjectName.unquote(name.getKeyProperty("metric"))).isEqualTo("presenceSipRequests.class.2xx,x=*");
  }

  private static ObjectName deployment(String jmxName) throws Exception {
    return new ObjectName(PresenceMetrics.JMX_DOMAIN + ":type=Metrics,name=" + jmxName + ",*");
  }

  private static double count(PresenceMetrics metrics, String name, String... tags) {
    return metrics.registry().get(name).tags(tags).counter().count();
  }
}
