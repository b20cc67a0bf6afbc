package org.presenceagent.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics}: the counters and gauges for a Prometheus scraper, in the text format 0.0.4,
 * or OpenMetrics 1.0 when the {@code Accept} header asks for {@code application/openmetrics-text}.
 * Unauthenticated on purpose: the numbers carry no user, address or document; {@code
 * metrics_enabled=0} turns the endpoint off (404).
 */
public final class MetricsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private transient MetricsEndpoint endpoint;

  @Override
  public void init() throws ServletException {
    endpoint = EndpointLookup.required(getServletContext(), MetricsEndpoint.ATTRIBUTE, MetricsEndpoint.class, "metrics endpoint");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<MetricsEndpoint.Exposition> exposition = endpoint.scrape(request.getHeader("Accept"));
    if (exposition.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "metrics are switched off (metrics_enabled=0)");
      return;
    }
    byte[] body = exposition.get().body().getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(exposition.get().contentType());
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
