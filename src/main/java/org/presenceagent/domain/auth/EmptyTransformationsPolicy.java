package org.presenceagent.domain.auth;

import java.util.Locale;

/**
 * What a watcher sees when the matching rules allow it but grant no {@code provide-*} at all
 * (parameter {@code pres_rules_transformations}). RFC 5025 section 3.3 makes every permission
 * default to "not granted", so such a watcher would get a document without any person, device
 * or service. The seed's example documents ({@code <transformations/>} with {@code allow}) expect
 * the full document, as SER's pa and Kamailio's presence module, which ignore transformations,
 * send it.
 */
public enum EmptyTransformationsPolicy {
  /** Strict RFC 5025: nothing granted, nothing shown (a document without components). */
  RFC5025("rfc5025"),
  /**
   * The seed's reading: when the matching rules together grant nothing, the whole document is
   * shown; as soon as one of them grants something, RFC 5025 applies.
   */
  SEED("seed");

  private final String token;

  EmptyTransformationsPolicy(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }

  /** The view of a watcher whose matching rules granted {@code granted}. */
  public Transformations apply(Transformations granted) {
    return this == SEED && granted.grantsNothing() ? Transformations.ALL : granted;
  }

  /** @throws IllegalArgumentException for anything but {@code rfc5025} or {@code seed} */
  public static EmptyTransformationsPolicy ofToken(String token) {
    for (EmptyTransformationsPolicy policy : values()) {
      if (policy.token.equals(token.trim().toLowerCase(Locale.ROOT))) {
        return policy;
      }
    }
    throw new IllegalArgumentException("must be rfc5025 or seed, not " + token);
  }
}
