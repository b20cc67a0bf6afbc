package org.presenceagent.domain.event;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of an {@code Accept} header (RFC 3261 section 20.1, which borrows the syntax of RFC
 * 2616 section 14.1): a media type, a {@code type/*} or {@code *}{@code /*} wildcard, with its
 * quality value. Media-type parameters other than {@code q} take no part in matching: the
 * presence formats have none that change the document.
 *
 * @param type the top-level type, lower-case, or {@code *}
 * @param subtype the subtype, lower-case, or {@code *}
 * @param quality the {@code q} parameter, 0 to 1 (1 when absent); 0 means "not acceptable"
 */
public record MediaRange(String type, String subtype, double quality) {

  private static final String WILDCARD = "*";

  public MediaRange {
    type = lower(type, "type");
    subtype = lower(subtype, "subtype");
    if (WILDCARD.equals(type) && !WILDCARD.equals(subtype)) {
      throw new IllegalArgumentException("*/" + subtype + " is not a media range");
    }
    if (!(quality >= 0 && quality <= 1)) {
      throw new IllegalArgumentException("q must be between 0 and 1: " + quality);
    }
  }

  /** {@code type/subtype} with quality 1. */
  public static MediaRange of(String mediaType) {
    int slash = mediaType.indexOf('/');
    if (slash <= 0 || slash == mediaType.length() - 1) {
      throw new IllegalArgumentException("not a media type: " + mediaType);
    }
    return new MediaRange(mediaType.substring(0, slash), mediaType.substring(slash + 1), 1);
  }

  /** Whether this range covers the media type {@code type/subtype} (parameters ignored). */
  public boolean matches(String mediaType) {
    String essence = mediaType.toLowerCase(Locale.ROOT);
    int slash = essence.indexOf('/');
    String candidateType = essence.substring(0, Math.max(slash, 0));
    String candidateSubtype = essence.substring(slash + 1);
    return (WILDCARD.equals(type) || type.equals(candidateType))
        && (WILDCARD.equals(subtype) || subtype.equals(candidateSubtype));
  }

  /**
   * How specific the range is: 2 for a full type, 1 for {@code type/*}, 0 for {@code *}{@code /*}.
   * The most specific range that matches a type decides its quality (RFC 2616 section 14.1).
   */
  public int specificity() {
    return WILDCARD.equals(type) ? 0 : WILDCARD.equals(subtype) ? 1 : 2;
  }

  private static String lower(String token, String what) {
    Objects.requireNonNull(token, what);
    String trimmed = token.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("empty media " + what);
    }
    return trimmed.toLowerCase(Locale.ROOT);
  }
}
