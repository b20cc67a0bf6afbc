package org.presenceagent.domain.auth;

/**
 * What to do with a subscription request (RFC 5025 section 3.2.1 {@code sub-handling}), in the
 * order of RFC 5025's numeric values: block (0) &lt; confirm (10) &lt; polite-block (20) &lt;
 * allow (30). Combining rules keeps the most permissive one, the greatest value (RFC 4745 section
 * 10.2).
 */
public enum SubHandling {
  /** Refuse it: 403 to the SUBSCRIBE, {@code terminated;reason=rejected} for a live one. */
  BLOCK("block"),
  /** Hold it pending until the presentity decides. */
  CONFIRM("confirm"),
  /**
   * Accept it, but let the watcher only ever see a neutral "closed" document, so that it cannot
   * tell it was blocked (RFC 5025 section 3.2.1).
   */
  POLITE_BLOCK("polite-block"),
  /** Accept it and send the presentity's state. */
  ALLOW("allow");

  private final String token;

  SubHandling(String token) {
    this.token = token;
  }

  /** The value of the {@code sub-handling} element. */
  public String token() {
    return token;
  }

  /** The more permissive of the two (RFC 4745 section 10.2: the maximum value wins). */
  public SubHandling mostPermissive(SubHandling other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** Whether the subscription is active (allow or polite-block) rather than pending or refused. */
  public boolean activates() {
    return this == ALLOW || this == POLITE_BLOCK;
  }

  /** Parses the element's text. */
  public static SubHandling ofToken(String token) {
    for (SubHandling handling : values()) {
      if (handling.token.equals(token)) {
        return handling;
      }
    }
    throw new IllegalArgumentException("unknown sub-handling value: " + token);
  }
}
