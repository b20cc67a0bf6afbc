package org.presenceagent.sip;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Optional;
import org.presenceagent.domain.event.MediaRange;

/**
 * Reads the {@code Accept} header fields of a request (RFC 3261 section 20.1 and 7.3.1): any
 * number of header fields, each a comma-separated list of media ranges with parameters and an
 * optional {@code q} value. A malformed entry gets 400 naming the header.
 */
final class AcceptHeaders {

  private AcceptHeaders() {}

  /**
   * @param values the header field values in the order received (the container may or may not
   *     have split comma-separated lists already; both work)
   * @return empty when the request has no Accept header at all; an empty list when it has one
   *     without ranges, which RFC 3261 section 20.1 reads as "no body is acceptable"
   */
  static Optional<List<MediaRange>> parse(Iterator<String> values) {
    if (values == null || !values.hasNext()) {
      return Optional.empty();
    }
    List<MediaRange> ranges = new ArrayList<>();
    while (values.hasNext()) {
      for (String element : splitOutsideQuotes(values.next(), ',')) {
        if (!element.isBlank()) {
          ranges.add(range(element));
        }
      }
    }
    return Optional.of(ranges);
  }

  private static MediaRange range(String element) {
    List<String> parts = splitOutsideQuotes(element, ';');
    String[] typeAndSubtype = parts.get(0).trim().split("/", -1);
    if (typeAndSubtype.length != 2 || !isToken(typeAndSubtype[0]) || !isToken(typeAndSubtype[1])) {
      throw invalid();
    }
    double quality = 1;
    for (String parameter : parts.subList(1, parts.size())) {
      int equals = parameter.indexOf('=');
      String name = (equals < 0 ? parameter : parameter.substring(0, equals)).trim();
      if (name.toLowerCase(Locale.ROOT).equals("q")) {
        quality = qvalue(equals < 0 ? "" : parameter.substring(equals + 1).trim());
      }
    }
    try {
      return new MediaRange(typeAndSubtype[0], typeAndSubtype[1], quality);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  // RFC 3261 section 25.1: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ).
  private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");
  // RFC 3261 section 25.1 token characters.
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-.!%*_+`'~]+");

  private static double qvalue(String text) {
    if (!QVALUE.matcher(text).matches()) {
      throw invalid();
    }
    return new BigDecimal(text).doubleValue();
  }

  private static boolean isToken(String text) {
    return TOKEN.matcher(text.trim()).matches();
  }

  private static List<String> splitOutsideQuotes(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      }
      if (c == separator && !quoted) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  private static SipResponseException invalid() {
    return SipResponseException.badRequest("Invalid Accept header");
  }
}
