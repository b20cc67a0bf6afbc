package org.presenceagent.document;

import java.util.Locale;

/** Media-type comparison as RFC 3261 section 20.15 and RFC 2045 define it. */
final class MediaTypes {

  private MediaTypes() {}

  /**
   * The type/subtype without parameters, lower-cased: {@code Application/PIDF+XML; charset=UTF-8}
   * becomes {@code application/pidf+xml}. Null stays null.
   */
  static String essence(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String essence = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return essence.trim().toLowerCase(Locale.ROOT);
  }

  static boolean sameType(String contentType, String expected) {
    return expected.equals(essence(contentType));
  }
}
