package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /metrics} of the running server after real SIP and XCAP traffic: the counters and gauges
 * show what happened; the same meters are MBeans while the deployment runs and vanish when it stops.
 * (The embedded container runs one instance per JVM at a time; two registries side by side are
 * covered by PresenceMetricsTest.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "xcap")
      .param("xcap_open", "1");

  private static final String METRICS = "org.presenceagent:type=Metrics,name=presence-agent,*";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();

  @Test
  void subscribePublishAndXcapTrafficShowInTheCountersAndGauges() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    String stranger = TestAors.unique("stranger");
    String friend = TestAors.unique("friend");
    assertThat(new XcapHttp(SERVER.httpPort()).putRules(bob, PresRulesDocs.one(friend, "allow")).statusCode())
        .isEqualTo(201);
    try (SipTestClient phone = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient strangerPhone = new SipTestClient("udp", SERVER.sipPort());
        SipTestClient friendPhone = new SipTestClient("tcp", SERVER.sipPort())) {
      assertThat(new Publisher(phone).publish(alice, 600, null, Pidf.open(alice, "t1", "here")).getStatusCode())
          .isEqualTo(200);
      SubscriptionDialog.subscribe(strangerPhone, stranger, alice, 300); // alice has no rules: pending
      assertThat(Notifies.state(Notifies.next(strangerPhone))).startsWith("pending");
      SubscriptionDialog.subscribe(friendPhone, friend, bob, 300); // bob's rules allow the friend
      assertThat(Notifies.state(Notifies.next(friendPhone))).startsWith("active");
      Response tooBrief = friendPhone.call(SubscriptionDialog.initialRequest(friendPhone, friend, bob, 1, List.of()));
      assertThat(tooBrief.getStatusCode()).isEqualTo(423); // below min_expires

      // The NOTIFYs' 200s travel back asynchronously.
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(
          () -> value(scrape(SERVER, null).body(), "presence_notify_responses_total{class=\"2xx\"}").orElse(0.0) >= 2);

      HttpResponse<String> metrics = scrape(SERVER, null);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
      String body = metrics.body();
      assertThat(value(body, "presence_sip_requests_total{class=\"2xx\",method=\"PUBLISH\"}")).contains(1.0);
      assertThat(value(body, "presence_sip_requests_total{class=\"2xx\",method=\"SUBSCRIBE\"}")).contains(2.0);
      assertThat(value(body, "presence_sip_requests_total{class=\"4xx\",method=\"SUBSCRIBE\"}")).contains(1.0);
      assertThat(value(body, "presence_subscriptions{event=\"presence\",state=\"pending\"}")).contains(1.0);
      assertThat(value(body, "presence_subscriptions{event=\"presence\",state=\"active\"}")).contains(1.0);
      assertThat(value(body, "presence_subscriptions{event=\"presence.winfo\",state=\"active\"}")).contains(0.0);
      assertThat(value(body, "presence_publications")).contains(1.0);
      assertThat(value(body, "presence_presentities")).contains(2.0);
      assertThat(value(body, "presence_registrations")).contains(0.0);
      assertThat(value(body, "presence_notify_sent_total{event=\"presence\"}")).contains(2.0);
      assertThat(value(body, "presence_notify_responses_total{class=\"2xx\"}")).contains(2.0);
      assertThat(value(body, "presence_xcap_server_requests_total{class=\"2xx\",method=\"PUT\"}")).contains(1.0);
      // alice's and bob's rules were each read once, then answered from memory
      assertThat(value(body, "presence_rules_cache_total{result=\"miss\",source=\"stored\"}")).contains(2.0);
      assertThat(value(body, "presence_db_transactions_seconds_count{outcome=\"commit\"}"))
          .hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(4)); // xcap, publish, 2 subscriptions
    }
  }

  @Test
  void openMetricsIsServedWhenAsked() throws Exception {
    HttpResponse<String> metrics = scrape(SERVER, "application/openmetrics-text; version=1.0.0, text/plain;q=0.5");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/openmetrics-text"));
    assertThat(metrics.body()).contains("# TYPE presence_publications gauge").endsWith("# EOF\n");
  }

  /** Last: restarts the server. */
  @Test
  @Order(Integer.MAX_VALUE)
  void theMBeansAreThereWhileTheDeploymentRunsAndGoneWhenItStops() throws Exception {
    ObjectName publications = metricMBeans().stream()
        .filter(name -> ObjectName.unquote(name.getKeyProperty("metric")).equals("presencePublications"))
        .findFirst().orElseThrow();
    assertThat(MBEANS.getAttribute(publications, "Value"))
        .isEqualTo(value(scrape(SERVER, null).body(), "presence_publications").orElseThrow());

    SERVER.stop();
    assertThat(metricMBeans()).as("the stopped deployment's MBeans are gone").isEmpty();

    SERVER.start();
    assertThat(metricMBeans()).contains(publications);
    // Right after a restart in the same JVM Tomcat answers 503 for a moment, until the context is available.
    String body = Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> scrape(SERVER, null), response -> response.statusCode() == 200).body();
    assertThat(value(body, "presence_sip_requests_total{class=\"2xx\",method=\"PUBLISH\"}"))
        .as("a new deployment counts from zero").isEmpty();
    assertThat(value(body, "presence_publications")).as("gauges read the restored state")
        .isEqualTo(Optional.of((Double) MBEANS.getAttribute(publications, "Value")));
  }

  static java.util.Set<ObjectName> metricMBeans() throws Exception {
    return MBEANS.queryNames(new ObjectName(METRICS), null);
  }

  static HttpResponse<String> scrape(PresenceServerExtension server, String accept)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics"))
        .timeout(Duration.ofSeconds(10));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The sample of one series in the text format, e.g. {@code name{label="v"} 1.0}. */
  static Optional<Double> value(String exposition, String series) {
    Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(exposition);
    return matcher.find() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
  }
}
