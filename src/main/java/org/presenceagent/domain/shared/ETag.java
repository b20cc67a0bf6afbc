package org.presenceagent.domain.shared;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An entity tag naming one publication (RFC 3903 section 4.1, {@code SIP-ETag}). New tags are
 * random (unguessable, so one publisher cannot overwrite another's state by guessing) and carry
 * only token characters so that they can go into a header unquoted.
 */
public record ETag(String value) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  public ETag {
    if (value == null || value.isEmpty() || value.length() > 128 || !isToken(value)) {
      throw new IllegalArgumentException("invalid entity tag: " + value);
    }
  }

  /** A fresh random tag (128 bits). */
  public static ETag random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return new ETag(HEX.formatHex(bytes));
  }

  @Override
  public String toString() {
    return value;
  }

  private static boolean isToken(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-.!%*_+`'~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
