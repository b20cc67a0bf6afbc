package org.presenceagent.domain.auth;

import java.util.Locale;

/**
 * The value of {@code provide-user-input} (RFC 5025 section 3.3.2): how much of the RPID {@code
 * <user-input>} element (RFC 4480 section 3.7) a watcher sees. In increasing order of
 * permissiveness, so that combining rules keeps the greatest (RFC 4745 section 10.2).
 */
public enum UserInputLevel {
  /** The element is removed. */
  FALSE("false"),
  /** Only "active" or "idle", without the {@code last-input} time or the {@code idle-threshold}. */
  BARE_MINIMUM("bare-minimum"),
  /** The value and the {@code idle-threshold}, without {@code last-input}. */
  THRESHOLDS("thresholds"),
  /** The element as published. */
  FULL("full");

  private final String token;

  UserInputLevel(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }

  /** The more permissive of the two. */
  public UserInputLevel mostPermissive(UserInputLevel other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** Parses the element's text. */
  public static UserInputLevel ofToken(String token) {
    for (UserInputLevel level : values()) {
      if (level.token.equals(token.trim().toLowerCase(Locale.ROOT))) {
        return level;
      }
    }
    throw new IllegalArgumentException("provide-user-input must be false, bare-minimum, thresholds or full, not "
        + token);
  }
}
