package org.presenceagent.web.site;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The default servlet ({@code /}): anything no other servlet serves is not found, and the error
 * page says so. It replaces the container's file-serving default servlet on purpose: the WAR has no
 * loose files to serve; the console's files come from {@link AssetServlet}.
 */
public final class NotFoundServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
  }
}
