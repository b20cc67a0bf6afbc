package org.presenceagent.application.xcap;

import java.util.List;
import java.util.Optional;
import org.presenceagent.domain.xcap.XcapDocument;

/**
 * The conditional headers of a request (RFC 7232 section 3.1, 3.2, as RFC 4825 section 7.11 uses
 * them): {@code If-Match} and {@code If-None-Match}, each a list of entity tags (unquoted) or
 * {@code *}.
 */
public record Preconditions(Optional<List<String>> ifMatch, Optional<List<String>> ifNoneMatch) {

  public static final Preconditions NONE = new Preconditions(Optional.empty(), Optional.empty());

  public Preconditions {
    ifMatch = ifMatch.map(List::copyOf);
    ifNoneMatch = ifNoneMatch.map(List::copyOf);
  }

  /** Whether {@code If-Match} holds for the current document (absent header: it holds). */
  public boolean ifMatchHolds(Optional<XcapDocument> current) {
    return ifMatch.map(tags -> matches(tags, current)).orElse(true);
  }

  /** Whether {@code If-None-Match} holds for the current document (absent header: it holds). */
  public boolean ifNoneMatchHolds(Optional<XcapDocument> current) {
    return ifNoneMatch.map(tags -> !matches(tags, current)).orElse(true);
  }

  // Strong comparison (RFC 7232 section 2.3.2): our tags are always strong.
  private static boolean matches(List<String> tags, Optional<XcapDocument> current) {
    return current.isPresent()
        && (tags.contains("*") || tags.contains(current.get().etag().value()));
  }
}
