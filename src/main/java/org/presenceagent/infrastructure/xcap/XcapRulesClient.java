package org.presenceagent.infrastructure.xcap;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.presenceagent.domain.shared.Aor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users' rules documents from an external XCAP server, e.g. {@code GET
 * <root>/pres-rules/users/<presentity>/presence-rules.xml} (the seed's URI with the user's SIP URI
 * as XUI, RFC 5025 section 9.4) or the seed's im-rules: one client per {@link XcapDocumentType}.
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
 *   <li>Bounded: presentities are named by SUBSCRIBEs, any a client chooses, so the cache keeps at
 *       most {@code maxEntries} (Caffeine's TinyLFU: names asked for once are the first dropped),
 *       and the refresh revalidates only what it holds: memory and the GETs of one refresh are
 *       bounded whatever names clients make up. A presentity without rules stays cached (and
 *       revalidated) like one with rules, so that rules created later re-evaluate its pending
 *       watchers. A response body over {@code maxDocumentBytes} is refused before it is read whole.
 * </ul>
 */
public final class XcapRulesClient<T> implements Function<Aor, Optional<T>> {

  private static final Logger LOG = LoggerFactory.getLogger(XcapRulesClient.class);
  private static final String TIMER = "xcap-refresh:";

  private final HttpClient http;
  private final String root;
  private final Duration requestTimeout;
  private final Duration firstWait;
  private final Duration refresh;
  private final XcapDocumentType<T> type;
  private final ExpiryScheduler scheduler;
  private final Clock clock;
  private final Consumer<Aor> changeListener;
  private final Cache<Aor, Cached<T>> cache;
  private final int maxDocumentBytes;
  private final Map<Aor, CompletableFuture<Cached<T>>> loading = new ConcurrentHashMap<>();
  private final Set<Aor> answeredWithoutRules = ConcurrentHashMap.newKeySet();
  private final AtomicLong bodiesRead = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();
  private final AtomicLong cacheHits = new AtomicLong();
  private final AtomicLong cacheMisses = new AtomicLong();

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
      XcapDocumentType<T> type,
      ExpiryScheduler scheduler,
      Clock clock,
      Consumer<Aor> changeListener,
      int maxEntries,
      int maxDocumentBytes) {
    this.root = root.endsWith("/") ? root : root + "/";
    this.requestTimeout = requestTimeout;
    this.firstWait = firstWait;
    this.refresh = refresh;
    this.type = type;
    this.scheduler = scheduler;
    this.clock = clock;
    this.changeListener = changeListener;
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).build();
    this.maxDocumentBytes = maxDocumentBytes;
    this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Starts the periodic revalidation. */
  public XcapRulesClient<T> start() {
    scheduleRefresh();
    return this;
  }

  @Override
  public Optional<T> apply(Aor presentity) {
    Cached<T> cached = cache.getIfPresent(presentity);
    if (cached != null) {
      cacheHits.incrementAndGet();
      return cached.rules();
    }
    cacheMisses.incrementAndGet();
    CompletableFuture<Cached<T>> load = loading.computeIfAbsent(presentity, this::load);
    try {
      return load.get(firstWait.toMillis(), TimeUnit.MILLISECONDS).rules();
    } catch (TimeoutException e) {
      answeredWithoutRules.add(presentity);
      // The load may have finished in between: whoever removes the mark owns the outcome.
      if (load.isDone() && answeredWithoutRules.remove(presentity)) {
        return load.join().rules();
      }
      LOG.debug("{} of {} not loaded within {} ms: pending until they arrive", type.auid(), presentity, firstWait.toMillis());
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

  /** Lookups answered from the cache, and lookups that had to wait for (or start) a GET. */
  public long cacheHits() {
    return cacheHits.get();
  }

  public long cacheMisses() {
    return cacheMisses.get();
  }

  /** Revalidates every cached document now (the refresh timer's work). */
  public CompletableFuture<Void> refreshNow() {
    return CompletableFuture.allOf(cache.asMap().entrySet().stream()
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
    return fetch(presentity, Optional.ofNullable(cache.getIfPresent(presentity))).thenAccept(fresh -> {
      cache.put(presentity, fresh);
      changeListener.accept(presentity);
    });
  }

  private CompletableFuture<Cached<T>> load(Aor presentity) {
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
  private CompletableFuture<Cached<T>> fetch(Aor presentity, Optional<Cached<T>> previous) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(presentity)).timeout(requestTimeout).GET();
    previous.flatMap(Cached::etag).ifPresent(etag -> request.header("If-None-Match", etag));
    Cached<T> fallback = previous.orElse(Cached.none());
    return http.sendAsync(request.build(), new LimitedBody(maxDocumentBytes))
        .thenApply(response -> interpret(presentity, response, fallback))
        .exceptionally(error -> {
          LOG.warn("XCAP GET of the {} of {} failed: {}", type.auid(), presentity, error.getMessage());
          return fallback;
        });
  }

  private Cached<T> interpret(Aor presentity, HttpResponse<byte[]> response, Cached<T> fallback) {
    int status = response.statusCode();
    if (status == 304) {
      notModified.incrementAndGet();
      return fallback;
    }
    if (status == 404) {
      return Cached.none();
    }
    if (status != 200) {
      LOG.warn("XCAP GET of the {} of {} answered {}: keeping the rules known before", type.auid(), presentity, status);
      return fallback;
    }
    if (LimitedBody.tooLarge(response.body())) {
      LOG.warn("the {} of {} from XCAP are larger than {} bytes, keeping the rules known before", type.auid(), presentity,
          maxDocumentBytes);
      return fallback;
    }
    bodiesRead.incrementAndGet();
    try {
      return new Cached<>(Optional.of(type.reader().apply(response.body())), response.headers().firstValue("ETag"));
    } catch (RejectedDocumentException e) {
      LOG.warn("the {} of {} from XCAP are invalid, keeping the rules known before: {}", type.auid(), presentity, e.getMessage());
      return fallback;
    }
  }

  private URI uri(Aor presentity) {
    return URI.create(root + type.auid() + "/users/" + URLEncoder.encode(presentity.uri(), StandardCharsets.UTF_8)
        + "/" + type.documentName());
  }

  private void scheduleRefresh() {
    scheduler.schedule(TIMER + type.auid(), clock.instant().plus(refresh), () -> {
      refreshNow();
      scheduleRefresh();
    });
  }

  /** A cached document: its rules (empty for none) and entity tag. */
  private record Cached<T>(Optional<T> rules, Optional<String> etag) {

    static <T> Cached<T> none() {
      return new Cached<>(Optional.empty(), Optional.empty());
    }

    boolean sameRulesAs(Cached<T> other) {
      return rules.equals(other.rules);
    }
  }
}
