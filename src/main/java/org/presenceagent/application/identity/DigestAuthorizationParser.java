package org.presenceagent.application.identity;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code Digest} Authorization header value (RFC 3261 section 25.1 {@code credentials},
 * RFC 2617 section 3.2.2): comma-separated {@code name=value} parameters, values as tokens or
 * quoted strings with backslash escapes. A value that is not digest credentials, or lacks one of
 * username, realm, nonce, uri and response, reads as none (the request is challenged).
 */
public final class DigestAuthorizationParser {

  private static final String SCHEME = "digest";

  private DigestAuthorizationParser() {}

  public static Optional<DigestCredentials> parse(String header) {
    String value = header.trim();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return Optional.empty();
    }
    Optional<Map<String, String>> parameters = parameters(value.substring(space + 1));
    if (parameters.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> p = parameters.get();
    for (String required : new String[] {"username", "realm", "nonce", "uri", "response"}) {
      if (!p.containsKey(required)) {
        return Optional.empty();
      }
    }
    return Optional.of(new DigestCredentials(p.get("username"), p.get("realm"), p.get("nonce"), p.get("uri"),
        p.get("response"), Optional.ofNullable(p.get("algorithm")), Optional.ofNullable(p.get("qop")),
        Optional.ofNullable(p.get("nc")), Optional.ofNullable(p.get("cnonce"))));
  }

  /** The parameters by lower-case name, or empty when the syntax is broken or a name repeats. */
  private static Optional<Map<String, String>> parameters(String text) {
    Map<String, String> parameters = new HashMap<>();
    int i = 0;
    int length = text.length();
    while (i < length) {
      while (i < length && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == ',')) {
        i++;
      }
      if (i == length) {
        break;
      }
      int equals = text.indexOf('=', i);
      if (equals < 0) {
        return Optional.empty();
      }
      String name = text.substring(i, equals).trim().toLowerCase(Locale.ROOT);
      i = equals + 1;
      while (i < length && text.charAt(i) == ' ') {
        i++;
      }
      StringBuilder parameterValue = new StringBuilder();
      if (i < length && text.charAt(i) == '"') {
        i++;
        while (i < length && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < length) {
            i++;
          }
          parameterValue.append(text.charAt(i));
          i++;
        }
        if (i == length) {
          return Optional.empty(); // unterminated quoted string
        }
        i++;
      } else {
        while (i < length && text.charAt(i) != ',') {
          parameterValue.append(text.charAt(i));
          i++;
        }
      }
      if (name.isEmpty() || parameters.put(name, parameterValue.toString().trim()) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(parameters);
  }
}
