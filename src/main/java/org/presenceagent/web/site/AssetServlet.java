package org.presenceagent.web.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.presenceagent.web.EndpointLookup;

/**
 * The static files: the shared stylesheet under {@code /assets/} for everybody, and the console's
 * page, script and stylesheet under {@code /console/} only for the clients the admin API serves
 * (loopback unless {@code admin_remote=1}; 403 otherwise). A fixed list, read once from the class
 * path: no path from the request ever reaches the file system or the class loader.
 */
public final class AssetServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String ROOT = "/org/presenceagent/web/site/";

  /** Request path (servlet path + path info) to class-path resource and media type. */
  private static final Map<String, Asset> ASSETS = Map.of(
      "/assets/presence-agent.css", Asset.load("presence-agent.css", "text/css;charset=UTF-8", false),
      "/console/", Asset.load("console/index.html", "text/html;charset=UTF-8", true),
      "/console/console.js", Asset.load("console/console.js", "text/javascript;charset=UTF-8", true),
      "/console/console.css", Asset.load("console/console.css", "text/css;charset=UTF-8", true));

  private transient SiteEndpoint endpoint;

  @Override
  public void init() throws ServletException {
    endpoint = EndpointLookup.required(getServletContext(), SiteEndpoint.ATTRIBUTE, SiteEndpoint.class, "site endpoint");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.equals("/console")) {
      response.sendRedirect(request.getContextPath() + "/console/");
      return;
    }
    Asset asset = ASSETS.get(path);
    if (asset == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (asset.console() && !endpoint.consoleAccess().reachableFrom(request.getRemoteAddr())) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    HtmlPage.securityHeaders(response);
    response.setHeader("Cache-Control", "no-cache"); // revalidated, so an upgrade shows at once
    response.setContentType(asset.contentType());
    response.setContentLength(asset.bytes().length);
    response.getOutputStream().write(asset.bytes());
  }

  /** One file, held in memory (a few kilobytes each). */
  private record Asset(byte[] bytes, String contentType, boolean console) {

    static Asset load(String name, String contentType, boolean console) {
      try (InputStream in = AssetServlet.class.getResourceAsStream(ROOT + name)) {
        if (in == null) {
          throw new IllegalStateException("static file " + ROOT + name + " is missing");
        }
        return new Asset(in.readAllBytes(), contentType, console);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
