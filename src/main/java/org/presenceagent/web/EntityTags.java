package org.presenceagent.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.presenceagent.domain.shared.ETag;

/** HTTP entity-tag syntax (RFC 7232 section 2.3): quoting ours, reading the lists of conditional headers. */
final class EntityTags {

  private EntityTags() {}

  /** The {@code ETag} header value of a strong tag. */
  static String quoted(ETag etag) {
    return '"' + etag.value() + '"';
  }

  /**
   * The tags of an {@code If-Match} or {@code If-None-Match} header, unquoted; {@code *} as is.
   * Weak tags keep their {@code W/} prefix so that the strong comparison never matches them.
   */
  static Optional<List<String>> parseList(String header) {
    if (header == null) {
      return Optional.empty();
    }
    List<String> tags = new ArrayList<>();
    for (String part : header.split(",")) {
      String tag = part.trim();
      if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
        tags.add(tag.substring(1, tag.length() - 1));
      } else if (!tag.isEmpty()) {
        tags.add(tag);
      }
    }
    return Optional.of(tags);
  }
}
