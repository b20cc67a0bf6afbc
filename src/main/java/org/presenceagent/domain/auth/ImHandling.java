package org.presenceagent.domain.auth;

import java.util.Locale;

/** The seed's MESSAGE authorization action ({@code <im:im-handling>}, im-rules). */
public enum ImHandling {
  /** The recipient refuses messages from the sender (403). */
  BLOCK,
  /** The recipient accepts them. */
  ALLOW;

  /** @throws IllegalArgumentException for anything but {@code block} or {@code allow} */
  public static ImHandling ofToken(String token) {
    return switch (token.toLowerCase(Locale.ROOT)) {
      case "block" -> BLOCK;
      case "allow" -> ALLOW;
      default -> throw new IllegalArgumentException("im-handling must be block or allow, not " + token);
    };
  }
}
