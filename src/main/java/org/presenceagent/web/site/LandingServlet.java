package org.presenceagent.web.site;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.presenceagent.web.EndpointLookup;

/**
 * The application's root page: what this server is, its version, the SIP addresses it listens on,
 * and links to the console, the XCAP root, the metrics and the README's help. It names no container
 * and no container version. Links are relative, so the page works under any context path.
 */
public final class LandingServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  /**
   * JSR 289 section 4.1.2.1 (SipServlet.OUTBOUND_INTERFACES): the container's list of SIP URIs it
   * listens on. Read by name, as only the SIP adapter may use the SIP Servlet API's types.
   */
  static final String OUTBOUND_INTERFACES = "javax.servlet.sip.outboundInterfaces";
  private static final HtmlPage PAGE = HtmlPage.load("/org/presenceagent/web/site/landing.html");

  private transient SiteEndpoint endpoint;

  @Override
  public void init() throws ServletException {
    endpoint = EndpointLookup.required(getServletContext(), SiteEndpoint.ATTRIBUTE, SiteEndpoint.class, "site endpoint");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    List<String> addresses = sipAddresses(getServletContext().getAttribute(OUTBOUND_INTERFACES));
    String addressesHtml = addresses.isEmpty()
        ? "<li>none reported by the container</li>"
        : addresses.stream().map(address -> "<li><code>" + HtmlPage.escape(address) + "</code></li>")
            .collect(Collectors.joining());
    String metricsHtml = endpoint.metricsEnabled()
        ? "<a href=\"metrics\">Metrics</a> for Prometheus (no credentials needed)"
        : "Metrics are switched off (<code>metrics_enabled=0</code>)";
    PAGE.send(response, HttpServletResponse.SC_OK, Map.of(
        "version", endpoint.version(),
        "sipAddressesHtml", addressesHtml,
        "metricsHtml", metricsHtml));
  }

  /** Each interface as the container gives it, e.g. {@code sip:127.0.0.1:5060;transport=udp}. */
  static List<String> sipAddresses(Object outboundInterfaces) {
    if (!(outboundInterfaces instanceof Collection<?> interfaces)) {
      return List.of();
    }
    return interfaces.stream().map(String::valueOf).distinct().toList();
  }
}
