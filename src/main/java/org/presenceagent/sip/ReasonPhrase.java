package org.presenceagent.sip;

/**
 * Makes a reason phrase safe for a status line: RFC 3261 section 25.1 allows no CR or LF, and an
 * explanation taken from a parser must not be able to inject headers or run on forever.
 */
final class ReasonPhrase {

  private static final int MAX_LENGTH = 160;

  private ReasonPhrase() {}

  static String sanitize(String reason) {
    if (reason == null || reason.isBlank()) {
      return "Error";
    }
    StringBuilder clean = new StringBuilder(Math.min(reason.length(), MAX_LENGTH));
    for (int i = 0; i < reason.length() && clean.length() < MAX_LENGTH; i++) {
      char c = reason.charAt(i);
      clean.append(c < 0x20 || c == 0x7f ? ' ' : c);
    }
    return clean.toString().trim();
  }
}
