package org.presenceagent.infrastructure.metrics;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jmx.JmxReporter;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.util.HierarchicalNameMapper;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.presenceagent.infrastructure.persistence.TransactionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of one running application: every counter and timer, the registries they live in,
 * and the Prometheus exposition. Counting always happens (it is a few atomic additions); whether
 * anybody can read the numbers is {@code metrics_enabled}'s business: enabled, the JMX registry
 * publishes them as MBeans and {@code /metrics} serves {@link #scrape(String)}.
 *
 * <p>Prometheus names are the meter names with dots turned into underscores, counters ending in
 * {@code _total} and timers in {@code _seconds}; docs/operations.md lists them.
 */
public final class PresenceMetrics implements AutoCloseable {

  /**
   * The JMX domain, shared with the management MBeans: each meter is
   * {@code org.presenceagent:type=Metrics,name=<jmx_name>,metric=<meter>,kind=<gauges|counters|timers...>}.
   */
  public static final String JMX_DOMAIN = "org.presenceagent";
  /** Prometheus text format 0.0.4, served unless the client asks for OpenMetrics. */
  public static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
  public static final String OPENMETRICS_FORMAT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private static final Logger LOG = LoggerFactory.getLogger(PresenceMetrics.class);

  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Optional<JmxMeterRegistry> jmx;

  private PresenceMetrics(Optional<String> jmxName) {
    registry.add(prometheus);
    jmx = jmxName.map(PresenceMetrics::jmxRegistry);
    jmx.ifPresent(registry::add);
    jmxName.ifPresent(name -> LOG.info("metrics published as MBeans {}:type=Metrics,name={}", JMX_DOMAIN, name));
    long started = System.currentTimeMillis();
    Gauge.builder("presence.start.time", () -> started / 1000.0)
        .description("when this deployment started, in seconds since the epoch").register(registry);
  }

  /**
   * @param exposeOverJmx whether to publish the meters as MBeans too
   * @param jmxName the deployment's name key in JMX ({@code jmx_name}): two deployments in one JVM
   *     need different ones
   */
  public static PresenceMetrics start(boolean exposeOverJmx, String jmxName) {
    return new PresenceMetrics(exposeOverJmx ? Optional.of(jmxName) : Optional.empty());
  }

  // Micrometer's JMX registry reports through Dropwizard's JmxReporter; its name factory puts the
  // meters under our domain and the deployment's name, next to the management MBeans.
  private static JmxMeterRegistry jmxRegistry(String jmxName) {
    MetricRegistry dropwizard = new MetricRegistry();
    JmxReporter reporter = JmxReporter.forRegistry(dropwizard)
        .inDomain(JMX_DOMAIN)
        .createsObjectNamesWith((kind, domain, meter) -> objectName(jmxName, kind, meter))
        .build();
    return new JmxMeterRegistry(JMX_CONFIG, Clock.SYSTEM, HierarchicalNameMapper.DEFAULT, dropwizard, reporter);
  }

  static ObjectName objectName(String jmxName, String kind, String meter) {
    Hashtable<String, String> keys = new Hashtable<>();
    keys.put("type", "Metrics");
    keys.put("name", jmxName);
    keys.put("metric", ObjectName.quote(meter));
    keys.put("kind", kind);
    try {
      return new ObjectName(JMX_DOMAIN, keys);
    } catch (MalformedObjectNameException e) {
      throw new IllegalArgumentException("no JMX name for meter " + meter, e);
    }
  }

  /** The registry to add meters to (the composite: what is added here is in both exports). */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * An incoming SIP request and the final response the application gave it (0 when none: proxied,
   * ACK). A method outside the SIP registry is tagged {@code other} (the client chooses it).
   */
  public void sipRequest(String method, int finalStatus) {
    Counter.builder("presence.sip.requests")
        .description("SIP requests received, by method and class of the final response the application sent")
        .tags("method", MethodTag.sip(method), "class", statusClass(finalStatus))
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

  /**
   * A published presence document accepted after its lenient reading repaired a deviation from
   * RFC 3863 (docs/document-formats.md): counted once per document and kind of deviation.
   *
   * @param deviation the deviation's tag, e.g. {@code basic-unknown}
   */
  public void pidfRepaired(String deviation) {
    Counter.builder("presence.pidf.repairs")
        .description("published presence documents accepted after repairing a deviation, by deviation")
        .tag("deviation", deviation).register(registry).increment();
  }

  /** A request to the built-in XCAP server and its response status (an unknown method tagged {@code other}). */
  public void xcapServerRequest(String method, int status) {
    Counter.builder("presence.xcap.server.requests").description("HTTP requests to the built-in XCAP server")
        .tags("method", MethodTag.http(method), "class", statusClass(status)).register(registry).increment();
  }

  /** One database transaction (work plus commit or rollback). */
  public void transaction(Duration elapsed, TransactionListener.Outcome outcome) {
    Timer.builder("presence.db.transactions").description("database transactions, work plus commit")
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry).record(elapsed);
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

  /**
   * The sum of every series of a meter (counters: their counts, gauges: their values), e.g. all
   * {@code presence.sip.requests}; 0 when it has none yet.
   */
  public double total(String meter) {
    return registry.find(meter).meters().stream()
        .flatMap(found -> StreamSupport.stream(found.measure().spliterator(), false))
        .mapToDouble(Measurement::getValue)
        .sum();
  }

  /**
   * The value of each series of a meter by the values of two of its tags, joined by {@code /}:
   * e.g. {@code presence.subscriptions} by event and state, {@code presence/active}.
   */
  public Map<String, Double> byTags(String meter, String firstTag, String secondTag) {
    Map<String, Double> values = new TreeMap<>();
    registry.find(meter).meters().forEach(found -> values.merge(
        found.getId().getTag(firstTag) + "/" + found.getId().getTag(secondTag),
        StreamSupport.stream(found.measure().spliterator(), false).mapToDouble(Measurement::getValue).sum(),
        Double::sum));
    return values;
  }

  /** {@code 2xx}..{@code 6xx}, or {@code none} for 0 (no final response of ours). */
  static String statusClass(int status) {
    return status >= 100 && status < 700 ? status / 100 + "xx" : "none";
  }

  private static final JmxConfig JMX_CONFIG = key -> null; // every setting at its default
}
