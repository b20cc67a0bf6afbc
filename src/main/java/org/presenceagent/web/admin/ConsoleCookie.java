package org.presenceagent.web.admin;

import java.util.Arrays;
import java.util.Optional;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The console's session cookie and headers. The cookie is sent only to the admin API ({@code
 * Path=<context>/admin/}), never readable by scripts ({@code HttpOnly}) and never on requests that
 * another site starts ({@code SameSite=Strict}, RFC 6265bis), {@code Secure} behind TLS. It is
 * written as a header because the Servlet 3.0 cookie API cannot say {@code SameSite}.
 */
final class ConsoleCookie {

  static final String NAME = "presence_console";
  /** The header that carries the session's anti-forgery token on every change. */
  static final String CSRF_HEADER = "X-CSRF-Token";
  /** Sent by the console's script so that a 401 carries no basic challenge (no browser dialog). */
  static final String CONSOLE_HEADER = "X-Presence-Console";

  private ConsoleCookie() {}

  static Optional<String> token(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null ? Optional.empty() : Arrays.stream(cookies)
        .filter(cookie -> NAME.equals(cookie.getName()))
        .map(Cookie::getValue)
        .findFirst();
  }

  static boolean fromConsole(HttpServletRequest request) {
    return request.getHeader(CONSOLE_HEADER) != null;
  }

  static void set(HttpServletRequest request, HttpServletResponse response, String token) {
    response.addHeader("Set-Cookie", NAME + "=" + token + attributes(request));
  }

  static void clear(HttpServletRequest request, HttpServletResponse response) {
    response.addHeader("Set-Cookie", NAME + "=" + attributes(request) + "; Max-Age=0");
  }

  private static String attributes(HttpServletRequest request) {
    return "; Path=" + request.getContextPath() + "/admin/; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : "");
  }
}
