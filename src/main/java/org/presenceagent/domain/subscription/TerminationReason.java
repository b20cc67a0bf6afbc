package org.presenceagent.domain.subscription;

import java.util.Optional;

/** The {@code reason} parameter of a terminated {@code Subscription-State} (RFC 6665 section 4.2.2). */
public enum TerminationReason {
  /** The subscription was ended; the subscriber may re-subscribe at once. */
  DEACTIVATED("deactivated"),
  /** The subscription was ended; the subscriber may re-subscribe later (retry-after). */
  PROBATION("probation"),
  /** Authorization was refused. */
  REJECTED("rejected"),
  /** The subscription expired, or the subscriber ended it (Expires: 0). */
  TIMEOUT("timeout"),
  /** Authorization took too long. */
  GIVEUP("giveup"),
  /** The resource no longer exists. */
  NORESOURCE("noresource"),
  /** The resource cannot provide the state in the form asked for. */
  INVARIANT("invariant");

  private final String token;

  TerminationReason(String token) {
    this.token = token;
  }

  /** The header token. */
  public String token() {
    return token;
  }

  /** The reason with this token (case-insensitive, RFC 6665 tokens), empty for one not listed here. */
  public static Optional<TerminationReason> ofToken(String token) {
    for (TerminationReason reason : values()) {
      if (reason.token.equalsIgnoreCase(token)) {
        return Optional.of(reason);
      }
    }
    return Optional.empty();
  }
}
