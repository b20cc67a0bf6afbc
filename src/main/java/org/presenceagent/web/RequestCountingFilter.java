package org.presenceagent.web;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.UnavailableException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Reports every request of the paths it is mapped to ({@code web.xml}: the XCAP server) with the
 * status it was answered, whichever way the servlet answered (also errors and refusals).
 */
public final class RequestCountingFilter implements Filter {

  private HttpTraffic traffic;

  @Override
  public void init(FilterConfig config) throws ServletException {
    Object attribute = config.getServletContext().getAttribute(HttpTraffic.ATTRIBUTE);
    if (!(attribute instanceof HttpTraffic httpTraffic)) {
      throw new UnavailableException("Presence Agent did not start: no HTTP traffic observer in the servlet context");
    }
    traffic = httpTraffic;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } finally {
      if (request instanceof HttpServletRequest httpRequest && response instanceof HttpServletResponse httpResponse) {
        traffic.requestHandled(httpRequest.getMethod(), httpResponse.getStatus());
      }
    }
  }

  @Override
  public void destroy() {
    // nothing held
  }
}
