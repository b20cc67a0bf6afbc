package org.presenceagent.infrastructure.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.util.HierarchicalNameMapper;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import javax.management.MBeanServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of one running application: every counter and timer, the registries they live in,
 * and the Prometheus exposition. Counting always happens (it is a few atomic additions); whether
 * anybody can read the numbers is {@code metrics_enabled}'s business: enabled, the JMX registry
 * publishes them as MBeans and {@code /metrics} serves {@link #scrape(String)}.
 *
 * <p>Prometheus names are the meter names with dots turned into underscores, counters ending in
 * {@code _total} and timers in {@code _seconds}; the README lists them.
 */
public final class PresenceMetrics implements AutoCloseable {

  /** The JMX domain of the first deployment in a JVM; later ones get {@code .2}, {@code .3}... */
  public static final String JMX_DOMAIN = "org.presenceagent.metrics";
  /** Prometheus text format 0.0.4, served unless the client asks for OpenMetrics. */
  public static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
  public static final String OPENMETRICS_FORMAT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private static final Logger LOG = LoggerFactory.getLogger(PresenceMetrics.class);

  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Optional<JmxMeterRegistry> jmx;

  private PresenceMetrics(boolean exposeOverJmx) {
    registry.add(prometheus);
    if (exposeOverJmx) {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      // The server is shared by every deployment in the JVM (whatever its class loader): holding its
      // monitor while choosing a domain and registering the first MBean keeps two starts apart.
      synchronized (server) {
        String domain = freeDomain(Set.of(server.getDomains()));
        JmxMeterRegistry jmxRegistry = new JmxMeterRegistry(jmxConfig(domain), Clock.SYSTEM, HierarchicalNameMapper.DEFAULT);
        registry.add(jmxRegistry);
        jmx = Optional.of(jmxRegistry);
        startTime();
        LOG.info("metrics published as MBeans in the JMX domain {}", domain);
      }
    } else {
      jmx = Optional.empty();
      startTime();
    }
  }

  /**
   * @param exposeOverJmx whether to publish the meters as MBeans (in a domain no other deployment
   *     in this JVM uses)
   */
  public static PresenceMetrics start(boolean exposeOverJmx) {
    return new PresenceMetrics(exposeOverJmx);
  }

  /** The registry to add meters to (the composite: what is added here is in both exports). */
  public MeterRegistry registry() {
    return registry;
  }

  /** An incoming SIP request and the final response the application gave it (0 when none: proxied, ACK). */
  public void sipRequest(String method, int finalStatus) {
    Counter.builder("presence.sip.requests")
        .description("SIP requests received, by method and class of the final response the application sent")
        .tags("method", method, "class", statusClass(finalStatus))
        .register(registry).increment();
  }

  public void notifySent(String event) {
    Counter.builder("presence.notify.sent").description("NOTIFY requests handed to the SIP stack")
        .tag("event", event).register(registry).increment();
  }

  public void notifyFailed(String event) {
    Counter.builder("presence.notify.failed").description("NOTIFY requests that could not be sent (dialog gone)")
        .tag("event", event).register(registry).increment();
  }

  /**
   * A final response to one of our NOTIFYs. A 408 is also what the container reports when the
   * watcher never answered (Timer F): those are counted once more as {@code presence.notify.timeouts}.
   */
  public void notifyAnswered(int status) {
    Counter.builder("presence.notify.responses").description("final responses to NOTIFY requests, by class")
        .tag("class", statusClass(status)).register(registry).increment();
    if (status == 408) {
      Counter.builder("presence.notify.timeouts").description("NOTIFY requests answered 408 or never answered")
          .register(registry).increment();
    }
  }

  /** A request to the built-in XCAP server and its response status. */
  public void xcapServerRequest(String method, int status) {
    Counter.builder("presence.xcap.server.requests").description("HTTP requests to the built-in XCAP server")
        .tags("method", method, "class", statusClass(status)).register(registry).increment();
  }

  /** One database transaction (work plus commit or rollback). */
  public void transaction(Duration elapsed, boolean committed) {
    Timer.builder("presence.db.transactions").description("database transactions, work plus commit")
        .tag("outcome", committed ? "commit" : "rollback").register(registry).record(elapsed);
  }

  /**
   * Counts of a rules cache kept by its owner: {@code presence.rules.cache{source, result}}.
   *
   * @param source {@code stored} (built-in XCAP server) or {@code xcap} (an external one)
   */
  public <T> void rulesCache(String source, T cache, ToDoubleFunction<T> hits, ToDoubleFunction<T> misses) {
    FunctionCounter.builder("presence.rules.cache", cache, hits).description("pres-rules lookups answered from memory")
        .tags("source", source, "result", "hit").register(registry);
    FunctionCounter.builder("presence.rules.cache", cache, misses).description("pres-rules lookups that had to load")
        .tags("source", source, "result", "miss").register(registry);
  }

  /**
   * The registry's content in the Prometheus text format, or OpenMetrics when the {@code Accept}
   * header asks for it.
   */
  public Exposition scrape(String accept) {
    String format = accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS_FORMAT : TEXT_FORMAT;
    return new Exposition(format, prometheus.scrape(format));
  }

  /** A scrape's media type and body. */
  public record Exposition(String contentType, String body) {}

  /** Unregisters the MBeans and drops every meter. */
  @Override
  public void close() {
    jmx.ifPresent(JmxMeterRegistry::close);
    prometheus.close();
    registry.close();
  }

  /** {@code 2xx}..{@code 6xx}, or {@code none} for 0 (no final response of ours). */
  static String statusClass(int status) {
    return status >= 100 && status < 700 ? status / 100 + "xx" : "none";
  }

  static String freeDomain(Set<String> taken) {
    String domain = JMX_DOMAIN;
    for (int i = 2; taken.contains(domain); i++) {
      domain = JMX_DOMAIN + "." + i;
    }
    return domain;
  }

  private void startTime() {
    long started = System.currentTimeMillis();
    Gauge.builder("presence.start.time", () -> started / 1000.0)
        .description("when this deployment started, in seconds since the epoch").register(registry);
  }

  private static JmxConfig jmxConfig(String domain) {
    return new JmxConfig() {
      @Override
      public String domain() {
        return domain;
      }

      @Override
      public String get(String key) {
        return null; // every other setting at its default
      }
    };
  }
}
