package org.presenceagent.web.admin;

import java.net.URI;
import java.util.Locale;
import javax.servlet.http.HttpServletRequest;

/**
 * Recognises a change that another web site makes the operator's browser send (cross-site request
 * forgery), whatever credentials the browser adds on its own (a session cookie, remembered basic
 * credentials). Browsers say where a request comes from: {@code Sec-Fetch-Site} (Fetch Metadata)
 * and, on every POST, PUT and DELETE, {@code Origin} (RFC 6454 section 7). Requests without either
 * header (curl, scripts) are not from a browser page and pass; reads (GET, HEAD) always pass, as
 * they change nothing.
 */
final class CrossSiteRequests {

  private CrossSiteRequests() {}

  static boolean isSafe(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }

  /** Whether a change comes from a page of another origin than the admin API's own. */
  static boolean isForeign(HttpServletRequest request) {
    if (isSafe(request.getMethod())) {
      return false;
    }
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      return true;
    }
    String origin = request.getHeader("Origin");
    return origin != null && !sameAuthority(origin, request.getHeader("Host"));
  }

  /** The Origin's host and port against the Host header the browser sent to us. */
  private static boolean sameAuthority(String origin, String host) {
    if (host == null || origin.equals("null")) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return authority != null && authority.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
