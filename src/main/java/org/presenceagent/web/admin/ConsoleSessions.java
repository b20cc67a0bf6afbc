package org.presenceagent.web.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in operators of the browser console: a random session token in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie, and a second random token, the anti-forgery token, that the
 * console's script sends in a header with every change. A cross-site page can make the browser send
 * the cookie (older browsers ignore SameSite) but can neither read the anti-forgery token nor set a
 * custom header without the server's consent (CORS), so it cannot forge a change (the synchronizer
 * token pattern). Sessions end after {@link #IDLE} without use, after {@link #LIFETIME} in any
 * case, or when signed out; they live in memory (a restart signs everybody out). Tokens are never
 * logged.
 */
public final class ConsoleSessions {

  /** Idle time after which a session ends. */
  public static final Duration IDLE = Duration.ofMinutes(30);
  /** Longest a session lasts, however busy. */
  public static final Duration LIFETIME = Duration.ofHours(12);
  /** Sessions kept at most; the least recently used one goes first. */
  static final int MAX_SESSIONS = 256;

  /** A signed-in operator. */
  public record Session(String operator, String csrfToken, Instant created, Instant lastUsed) {}

  private final Map<String, Session> byToken = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  public ConsoleSessions(Clock clock) {
    this.clock = clock;
  }

  /** Starts a session for an operator whose password was checked; returns its cookie token. */
  public String open(String operator) {
    Instant now = clock.instant();
    dropExpired(now);
    while (byToken.size() >= MAX_SESSIONS) {
      byToken.entrySet().stream().min(Comparator.comparing(entry -> entry.getValue().lastUsed()))
          .ifPresent(oldest -> byToken.remove(oldest.getKey()));
    }
    String token = randomToken();
    byToken.put(token, new Session(operator, randomToken(), now, now));
    return token;
  }

  /** The live session of a cookie token, touched; empty for an unknown or expired one. */
  public Optional<Session> find(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session session = byToken.get(token);
    if (session == null) {
      return Optional.empty();
    }
    if (isExpired(session, now)) {
      byToken.remove(token);
      return Optional.empty();
    }
    Session touched = new Session(session.operator(), session.csrfToken(), session.created(), now);
    byToken.replace(token, session, touched);
    return Optional.of(touched);
  }

  /** Signs out. */
  public void close(String token) {
    if (token != null) {
      byToken.remove(token);
    }
  }

  /** Whether a request's anti-forgery header matches its session's token (constant time). */
  public static boolean csrfMatches(Session session, String header) {
    return header != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
        header.getBytes(StandardCharsets.US_ASCII));
  }

  private boolean isExpired(Session session, Instant now) {
    return session.lastUsed().plus(IDLE).isBefore(now) || session.created().plus(LIFETIME).isBefore(now);
  }

  private void dropExpired(Instant now) {
    byToken.values().removeIf(session -> isExpired(session, now));
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
