package org.presenceagent.web.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/**
 * An HTML page from a template on the class path with {@code {{name}}} placeholders. Values are
 * HTML-escaped unless their name ends in {@code Html} (markup this package built from escaped
 * parts). Every page goes out with the same security headers.
 */
final class HtmlPage {

  /**
   * Scripts, styles and images from this origin only, no inline script, no framing: an injected
   * tag could not run, and the console cannot be put under another site's clicks.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final String template;

  private HtmlPage(String template) {
    this.template = template;
  }

  static HtmlPage load(String resource) {
    try (InputStream in = HtmlPage.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("page template " + resource + " is missing");
      }
      return new HtmlPage(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String render(Map<String, String> values) {
    String page = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      String text = value.getKey().endsWith("Html") ? value.getValue() : escape(value.getValue());
      page = page.replace("{{" + value.getKey() + "}}", text);
    }
    return page;
  }

  /** Sends a rendered page with the given status. */
  void send(HttpServletResponse response, int status, Map<String, String> values) throws IOException {
    byte[] body = render(values).getBytes(StandardCharsets.UTF_8);
    securityHeaders(response);
    response.setHeader("Cache-Control", "no-store");
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static void securityHeaders(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
