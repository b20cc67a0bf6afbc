package org.presenceagent.web.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

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

  /**
   * Fills every placeholder in one pass, so that a value can never bring a placeholder of its own.
   *
   * @throws IllegalArgumentException for a placeholder without a value
   */
  String render(Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder page = new StringBuilder(template.length() + 256);
    while (placeholder.find()) {
      String name = placeholder.group(1);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("no value for {{" + name + "}}");
      }
      placeholder.appendReplacement(page, Matcher.quoteReplacement(name.endsWith("Html") ? value : escape(value)));
    }
    placeholder.appendTail(page);
    return page.toString();
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
