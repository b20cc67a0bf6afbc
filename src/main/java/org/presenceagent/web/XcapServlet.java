package org.presenceagent.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.presenceagent.application.xcap.ApplicationUsage;
import org.presenceagent.application.xcap.Preconditions;
import org.presenceagent.application.xcap.XcapRejectedException;
import org.presenceagent.application.xcap.XcapService;
import org.presenceagent.document.xcap.XcapXml;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.xcap.DocumentSelector;
import org.presenceagent.domain.xcap.XcapDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in XCAP server (RFC 4825) at {@code /xcap-root/}, document level: GET, PUT and DELETE
 * of {@code <auid>/users/<xui>/<document>}, and GET of the server's capabilities at {@code
 * xcap-caps/global/index} (section 12). Node selectors ({@code ~~}) are not supported: such URIs
 * name no document here and get 404.
 */
public final class XcapServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(XcapServlet.class);
  private static final String CAPS_PATH = "/xcap-caps/global/index";

  private transient XcapEndpoint endpoint;

  @Override
  public void init() throws ServletException {
    endpoint = EndpointLookup.required(getServletContext(), XcapEndpoint.ATTRIBUTE, XcapEndpoint.class, "XCAP endpoint");
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (CAPS_PATH.equals(request.getPathInfo())) {
      XcapService service = endpoint.service();
      byte[] caps = XcapXml.caps(
          service.usages().stream().map(ApplicationUsage::auid).toList(),
          service.usages().stream().map(ApplicationUsage::namespace).toList());
      send(response, HttpServletResponse.SC_OK, XcapXml.CAPS_CONTENT_TYPE, caps);
      return;
    }
    handle(request, response, selector -> {
      XcapService.Fetch fetch = endpoint.service().get(selector, preconditions(request));
      XcapDocument document = fetch.document();
      response.setHeader("ETag", EntityTags.quoted(document.etag()));
      if (fetch.notModified()) {
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      } else {
        send(response, HttpServletResponse.SC_OK, document.contentType(), document.body());
      }
    });
  }

  @Override
  protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
    handle(request, response, selector -> {
      Optional<byte[]> body = readBody(request);
      if (body.isEmpty()) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            "documents are limited to " + endpoint.maxBodySize() + " bytes");
        return;
      }
      XcapService.PutResult result =
          endpoint.service().put(selector, request.getContentType(), body.get(), preconditions(request));
      response.setHeader("ETag", EntityTags.quoted(result.document().etag()));
      response.setStatus(result.created() ? HttpServletResponse.SC_CREATED : HttpServletResponse.SC_OK);
    });
  }

  @Override
  protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
    handle(request, response, selector -> {
      endpoint.service().delete(selector, preconditions(request));
      response.setStatus(HttpServletResponse.SC_OK);
    });
  }

  /** Resolves the document, checks who asks, runs the operation and maps its refusal. */
  private void handle(HttpServletRequest request, HttpServletResponse response, DocumentOperation operation)
      throws IOException {
    Optional<DocumentSelector> selector = selector(request.getPathInfo());
    if (selector.isEmpty() || !endpoint.service().serves(selector.get().auid())) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such XCAP document");
      return;
    }
    XcapAccess access = endpoint.access();
    Optional<Aor> user = Optional.empty();
    if (!access.isOpen()) {
      String target = request.getQueryString() == null ? request.getRequestURI()
          : request.getRequestURI() + "?" + request.getQueryString();
      XcapAccess.Authentication authentication =
          access.authenticate(request.getMethod(), target, request.getHeader("Authorization"));
      user = authentication.user();
      if (user.isEmpty()) {
        access.challenges(authentication.stale()).forEach(challenge -> response.addHeader("WWW-Authenticate", challenge));
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
    }
    if (!access.mayAccess(user, selector.get().user())) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "a user may only access their own documents");
      return;
    }
    try {
      operation.run(selector.get());
    } catch (XcapRejectedException e) {
      LOG.debug("XCAP {} {} refused: {} {}", request.getMethod(), selector.get().path(), e.status(), e.getMessage());
      if (e.conflict().isPresent()) {
        send(response, e.status(), XcapXml.ERROR_CONTENT_TYPE, XcapXml.error(e.conflict().get(), e.getMessage()));
      } else {
        response.sendError(e.status(), e.getMessage());
      }
    }
  }

  /** {@code /<auid>/users/<xui>/<document>}, nothing deeper (no node selector). */
  static Optional<DocumentSelector> selector(String pathInfo) {
    if (pathInfo == null) {
      return Optional.empty();
    }
    String[] segments = pathInfo.split("/", -1);
    if (segments.length != 5 || !segments[0].isEmpty() || !"users".equals(segments[2])) {
      return Optional.empty();
    }
    try {
      return XcapAccess.userAor(segments[3]).map(user -> new DocumentSelector(segments[1], user, segments[4]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Preconditions preconditions(HttpServletRequest request) {
    return new Preconditions(
        EntityTags.parseList(request.getHeader("If-Match")),
        EntityTags.parseList(request.getHeader("If-None-Match")));
  }

  /** The request body, or empty when it is larger than allowed. */
  private Optional<byte[]> readBody(HttpServletRequest request) throws IOException {
    int limit = endpoint.maxBodySize();
    if (request.getContentLength() > limit) {
      return Optional.empty();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(limit + 1);
      return body.length > limit ? Optional.empty() : Optional.of(body);
    }
  }

  private static void send(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
    response.setStatus(status);
    response.setContentType(contentType);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** One XCAP operation on a resolved, authorized document. */
  @FunctionalInterface
  private interface DocumentOperation {
    void run(DocumentSelector selector) throws IOException;
  }
}
