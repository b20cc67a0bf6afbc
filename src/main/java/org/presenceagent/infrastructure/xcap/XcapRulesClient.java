package org.presenceagent.infrastructure.xcap;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.presenceagent.application.port.ExpiryScheduler;
import org.presenceagent.application.port.RejectedDocumentException;
import org.presenceagent.application.port.RulesDocumentReader;
import org.presenceagent.domain.auth.PresRules;
import org.presenceagent.domain.shared.Aor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presentities' pres-rules from an external XCAP server: {@code GET
 * <root>/pres-rules/users/<presentity>/presence-rules.xml} (the seed's URI with the presentity's
 * SIP URI as XUI, RFC 5025 section 9.4).
 *
 * <ul>
 *   <li>Cache: rules once read are answered from memory; every {@code refresh} period each cached
 *       document is revalidated with {@code If-None-Match} (a 304 transfers no body), and a
 *       presentity whose rules changed is reported to the change listener, which re-evaluates its
 *       subscriptions.
 *   <li>No blocking: the first request for a presentity waits at most {@code firstWait} for the
 *       server (the caller is a SIP container thread); when that is not enough it gets "no rules"
 *       (the watcher is pending, as in the seed) and the listener is told once the rules arrive.
 *   <li>Failures (timeouts, 5xx, unreadable documents) keep the rules known before, or "no rules";
 *       a 404 means the presentity has no rules.
 * </ul>
 */
public final class XcapRulesClient implements Function<Aor, Optional<PresRules>> {

  private static final Logger LOG = LoggerFactory.getLogger(XcapRulesClient.class);
  private static final String TIMER = "xcap-rules-refresh";

  private final HttpClient http;
  private final String root;
  private final Duration requestTimeout;
  private final Duration firstWait;
  private final Duration refresh;
  private final RulesDocumentReader reader;
  private final ExpiryScheduler scheduler;
  private final Clock clock;
  private final Consumer<Aor> changeListener;
  private final Map<Aor, Cached> cache = new ConcurrentHashMap<>();
  private final Map<Aor, CompletableFuture<Cached>> loading = new ConcurrentHashMap<>();
  private final Set<Aor> answeredWithoutRules = ConcurrentHashMap.newKeySet();
  private final AtomicLong bodiesRead = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();

  /**
   * @param root the XCAP root URI, e.g. {@code http://xcap.example.com/xcap-root}
   * @param changeListener told (on an HTTP client thread) of each presentity whose rules changed
   *     or arrived after a caller gave up waiting
   */
  public XcapRulesClient(
      String root,
      Duration requestTimeout,
      Duration firstWait,
      Duration refresh,
      RulesDocumentReader reader,
      ExpiryScheduler scheduler,
      Clock clock,
      Consumer<Aor> changeListener) {
    this.root = root.endsWith("/") ? root : root + "/";
    this.requestTimeout = requestTimeout;
    this.firstWait = firstWait;
    this.refresh = refresh;
    this.reader = reader;
    this.scheduler = scheduler;
    this.clock = clock;
    this.changeListener = changeListener;
    this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Starts the periodic revalidation. */
  public XcapRulesClient start() {
    scheduleRefresh();
    return this;
  }

  @Override
  public Optional<PresRules> apply(Aor presentity) {
    Cached cached = cache.get(presentity);
    if (cached != null) {
      return cached.rules();
    }
    CompletableFuture<Cached> load = loading.computeIfAbsent(presentity, this::load);
    try {
      return load.get(firstWait.toMillis(), TimeUnit.MILLISECONDS).rules();
    } catch (TimeoutException e) {
      answeredWithoutRules.add(presentity);
      // The load may have finished in between: whoever removes the mark owns the outcome.
      if (load.isDone() && answeredWithoutRules.remove(presentity)) {
        return load.join().rules();
      }
      LOG.debug("pres-rules of {} not loaded within {} ms: pending until they arrive", presentity, firstWait.toMillis());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty(); // load() never completes exceptionally; kept for the compiler
    }
  }

  /** How many documents were transferred, and how many revalidations were answered 304. */
  public long bodiesRead() {
    return bodiesRead.get();
  }

  public long notModified() {
    return notModified.get();
  }

  /** Revalidates every cached document now (the refresh timer's work). */
  public CompletableFuture<Void> refreshNow() {
    return CompletableFuture.allOf(cache.entrySet().stream()
        .map(entry -> fetch(entry.getKey(), Optional.of(entry.getValue())).thenAccept(fresh -> {
          cache.put(entry.getKey(), fresh);
          if (!fresh.sameRulesAs(entry.getValue())) {
            changeListener.accept(entry.getKey());
          }
        }))
        .toArray(CompletableFuture[]::new));
  }

  /**
   * Reads a presentity's rules again now (the management hook), then reports the presentity to the
   * change listener whatever the outcome, so that its subscriptions are re-evaluated.
   */
  public CompletableFuture<Void> reload(Aor presentity) {
    return fetch(presentity, Optional.ofNullable(cache.get(presentity))).thenAccept(fresh -> {
      cache.put(presentity, fresh);
      changeListener.accept(presentity);
    });
  }

  private CompletableFuture<Cached> load(Aor presentity) {
    return fetch(presentity, Optional.empty()).thenApply(loaded -> {
      cache.put(presentity, loaded);
      loading.remove(presentity);
      if (answeredWithoutRules.remove(presentity)) {
        changeListener.accept(presentity);
      }
      return loaded;
    });
  }

  /** GET, conditional when a cached copy exists; never completes exceptionally. */
  private CompletableFuture<Cached> fetch(Aor presentity, Optional<Cached> previous) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(presentity)).timeout(requestTimeout).GET();
    previous.flatMap(Cached::etag).ifPresent(etag -> request.header("If-None-Match", etag));
    Cached fallback = previous.orElse(Cached.NONE);
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(response -> interpret(presentity, response, fallback))
        .exceptionally(error -> {
          LOG.warn("XCAP GET of the pres-rules of {} failed: {}", presentity, error.getMessage());
          return fallback;
        });
  }

  private Cached interpret(Aor presentity, HttpResponse<byte[]> response, Cached fallback) {
    int status = response.statusCode();
    if (status == 304) {
      notModified.incrementAndGet();
      return fallback;
    }
    if (status == 404) {
      return Cached.NONE;
    }
    if (status != 200) {
      LOG.warn("XCAP GET of the pres-rules of {} answered {}: keeping the rules known before", presentity, status);
      return fallback;
    }
    bodiesRead.incrementAndGet();
    try {
      return new Cached(Optional.of(reader.read(response.body())), response.headers().firstValue("ETag"));
    } catch (RejectedDocumentException e) {
      LOG.warn("the pres-rules of {} from XCAP are invalid, keeping the rules known before: {}", presentity, e.getMessage());
      return fallback;
    }
  }

  private URI uri(Aor presentity) {
    return URI.create(root + "pres-rules/users/" + URLEncoder.encode(presentity.uri(), StandardCharsets.UTF_8)
        + "/presence-rules.xml");
  }

  private void scheduleRefresh() {
    scheduler.schedule(TIMER, clock.instant().plus(refresh), () -> {
      refreshNow();
      scheduleRefresh();
    });
  }

  /** A cached document: its rules (empty for none) and entity tag. */
  private record Cached(Optional<PresRules> rules, Optional<String> etag) {

    static final Cached NONE = new Cached(Optional.empty(), Optional.empty());

    boolean sameRulesAs(Cached other) {
      return rules.equals(other.rules);
    }
  }
}
