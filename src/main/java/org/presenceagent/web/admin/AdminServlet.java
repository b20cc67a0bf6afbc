package org.presenceagent.web.admin;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.identity.SubscriberRejectedException;
import org.presenceagent.application.manage.ManagementService;
import org.presenceagent.application.manage.SubscriberManagement;
import org.presenceagent.application.manage.SubscriptionView;
import org.presenceagent.application.port.ClusterUnavailableException;
import org.presenceagent.application.publish.PublishResult;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.TerminationReason;
import org.presenceagent.web.EndpointLookup;
import org.presenceagent.web.admin.AdminAccess.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP admin API under {@code /admin/}: JSON resources over the management operations.
 *
 * <pre>
 * GET    /admin/presentities                          list
 * GET    /admin/presentities/{aor}                    composed document, publications, registrations
 * GET    /admin/presentities/{aor}/subscriptions      watchers
 * GET    /admin/presentities/{aor}/pres-rules         the stored pres-rules document (RFC 5025)
 * POST   /admin/presentities/{aor}/authorize          re-read rules, re-evaluate watchers (pa.authorize)
 * POST   /admin/presentities/{aor}/publications       body = document, Content-Type = its type, ?expires=N
 * DELETE /admin/subscriptions/{id}[?reason=token]     final NOTIFY terminated;reason=token (noresource)
 * GET    /admin/online/{aor}                          target_online
 * POST   /admin/cleanup                               run expiry now
 * GET    /admin/counters                              live counters of the console
 * GET    /admin/dump                                  counts, settings, presentities (pa.trace)
 * GET    /admin/cluster                               nodes, owners, orphans, change-log lag (or "single node")
 * GET    /admin/settings                              every parameter's effective value
 * PUT    /admin/settings                              {"ignore_408_on_notify": "1"}: the live ones
 * POST   /admin/session                               console sign-in {"user", "password"}: cookie
 * GET    /admin/session                               the signed-in operator and anti-forgery token
 * DELETE /admin/session                               sign-out
 * </pre>
 *
 * Scripts authenticate with HTTP basic; the browser console signs in once and then sends its session
 * cookie, plus the session's anti-forgery token in {@code X-CSRF-Token} with every change. Any
 * change (POST, PUT, DELETE) whose {@code Origin} or {@code Sec-Fetch-Site} says it comes from
 * another site is refused (403), whatever its credentials. Each answer is JSON; errors are {@code {"status": n, "message": "..."}} with 400, 401 (with a
 * challenge), 403, 404, 405 (with Allow), 413, 415 or 503 (API not enabled, or the cluster's
 * database cannot be read for {@code /admin/cluster}).
 */
public final class AdminServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(AdminServlet.class);
  private static final String JSON_TYPE = "application/json";
  private static final String RESOURCES = "presentities, presentities/{aor}, presentities/{aor}/subscriptions,"
      + " presentities/{aor}/pres-rules, presentities/{aor}/authorize, presentities/{aor}/publications,"
      + " subscriptions/{id}, online/{aor}, cleanup, counters, dump, cluster, settings, subscribers, subscribers/{aor}, session";
  private static final String SESSION = "session";

  private transient AdminEndpoint endpoint;

  @Override
  public void init() throws ServletException {
    endpoint = EndpointLookup.required(getServletContext(), AdminEndpoint.ATTRIBUTE, AdminEndpoint.class, "admin endpoint");
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    AdminAccess access = endpoint.access();
    if (!access.reachableFrom(request.getRemoteAddr())) {
      sendError(response, HttpServletResponse.SC_FORBIDDEN,
          "the admin API answers only requests from a loopback address; set admin_remote=1 to serve others");
      return;
    }
    if (!access.enabled()) {
      sendError(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          "the admin API is not enabled: list operators in admin_credentials (user:password,...)");
      return;
    }
    if (CrossSiteRequests.isForeign(request)) {
      sendError(response, HttpServletResponse.SC_FORBIDDEN, "cross-site request refused");
      return;
    }
    try {
      if (segments(request.getPathInfo()).equals(List.of(SESSION))) {
        consoleSession(request, response);
        return;
      }
      if (!authorized(request, response)) {
        return;
      }
      route(request, response);
    } catch (AdminError e) {
      if (e.allow != null) {
        response.setHeader("Allow", e.allow);
      }
      sendError(response, e.status, e.getMessage());
    } catch (ClusterUnavailableException e) {
      // The database, not the request, is at fault, and a later try may succeed.
      LOG.warn("admin request {} failed: {}", request.getRequestURI(), e.getMessage());
      sendError(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
    } catch (SubscriberRejectedException e) {
      sendError(response, switch (e.kind()) {
        case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
        case CONFLICT -> HttpServletResponse.SC_CONFLICT;
        case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
      }, e.getMessage());
    } catch (IllegalArgumentException e) {
      sendError(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("admin request {} {} failed", request.getMethod(), request.getRequestURI(), e);
      sendError(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal error: " + e);
    }
  }

  /**
   * Basic credentials (scripts, curl), or the console's session cookie plus, for a change, its
   * anti-forgery header. Sends the refusal and returns false otherwise.
   */
  private boolean authorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (endpoint.access().check(request.getRemoteAddr(), request.getHeader("Authorization")) == Verdict.ALLOWED) {
      return true;
    }
    Optional<ConsoleSessions.Session> session = ConsoleCookie.token(request).flatMap(endpoint.sessions()::find);
    if (session.isEmpty()) {
      // No challenge for the console's script: the browser would put its own password dialog up.
      if (!ConsoleCookie.fromConsole(request)) {
        response.setHeader("WWW-Authenticate", AdminAccess.CHALLENGE);
      }
      sendError(response, HttpServletResponse.SC_UNAUTHORIZED, "operator credentials required (HTTP basic)");
      return false;
    }
    if (!CrossSiteRequests.isSafe(request.getMethod())
        && !ConsoleSessions.csrfMatches(session.get(), request.getHeader(ConsoleCookie.CSRF_HEADER))) {
      sendError(response, HttpServletResponse.SC_FORBIDDEN, "missing or wrong " + ConsoleCookie.CSRF_HEADER);
      return false;
    }
    return true;
  }

  /**
   * {@code /admin/session}: the console's sign-in (POST {"user", "password"}), who is signed in
   * (GET) and sign-out (DELETE), each answering {"operator", "csrfToken"} or 204.
   */
  private void consoleSession(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Optional<String> token = ConsoleCookie.token(request);
    Optional<ConsoleSessions.Session> current = token.flatMap(endpoint.sessions()::find);
    switch (request.getMethod()) {
      case "POST" -> {
        Map<String, String> form = AdminJson.settingChanges(jsonBody(request));
        String user = form.getOrDefault("user", "");
        if (!endpoint.access().passwordMatches(user, form.getOrDefault("password", ""))) {
          LOG.warn("console sign-in refused for '{}' from {}", user.replaceAll("\\p{Cntrl}", "?"), request.getRemoteAddr());
          throw new AdminError(HttpServletResponse.SC_UNAUTHORIZED, "wrong operator name or password");
        }
        token.ifPresent(endpoint.sessions()::close);
        String opened = endpoint.sessions().open(user);
        ConsoleCookie.set(request, response, opened);
        LOG.info("operator {} signed in to the console from {}", user, request.getRemoteAddr());
        send(response, HttpServletResponse.SC_OK, AdminJson.session(endpoint.sessions().find(opened).orElseThrow()));
      }
      case "GET" -> send(response, HttpServletResponse.SC_OK, AdminJson.session(current
          .orElseThrow(() -> new AdminError(HttpServletResponse.SC_UNAUTHORIZED, "not signed in"))));
      case "DELETE" -> {
        if (current.isPresent()
            && !ConsoleSessions.csrfMatches(current.get(), request.getHeader(ConsoleCookie.CSRF_HEADER))) {
          throw new AdminError(HttpServletResponse.SC_FORBIDDEN, "missing or wrong " + ConsoleCookie.CSRF_HEADER);
        }
        token.ifPresent(endpoint.sessions()::close);
        ConsoleCookie.clear(request, response);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      }
      default -> throw new AdminError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "GET, POST, DELETE",
          "this resource allows only GET, POST, DELETE");
    }
  }

  private void route(HttpServletRequest request, HttpServletResponse response) throws IOException {
    List<String> path = segments(request.getPathInfo());
    ManagementService management = endpoint.management();
    String method = request.getMethod();
    String resource = path.isEmpty() ? "" : path.get(0);
    if (resource.equals("presentities") && path.size() == 1) {
      allow(method, "GET");
      send(response, HttpServletResponse.SC_OK, AdminJson.summaries(management.presentities()));
    } else if (resource.equals("presentities") && path.size() == 2) {
      allow(method, "GET");
      Aor presentity = ManagementService.presentityAddress(path.get(1));
      send(response, HttpServletResponse.SC_OK, AdminJson.details(management.presentity(presentity)
          .orElseThrow(() -> new AdminError(HttpServletResponse.SC_NOT_FOUND, "nothing is known about " + presentity))));
    } else if (resource.equals("presentities") && path.size() == 3 && path.get(2).equals("subscriptions")) {
      allow(method, "GET");
      send(response, HttpServletResponse.SC_OK,
          AdminJson.subscriptions(management.subscriptions(ManagementService.presentityAddress(path.get(1)))));
    } else if (resource.equals("presentities") && path.size() == 3 && path.get(2).equals("pres-rules")) {
      allow(method, "GET");
      Aor presentity = ManagementService.presentityAddress(path.get(1));
      send(response, HttpServletResponse.SC_OK, AdminJson.presRules(presentity.uri(), endpoint.presRules().apply(presentity)
          .orElseThrow(() -> new AdminError(HttpServletResponse.SC_NOT_FOUND, "no pres-rules stored for " + presentity))));
    } else if (resource.equals("presentities") && path.size() == 3 && path.get(2).equals("authorize")) {
      allow(method, "POST");
      Aor presentity = ManagementService.presentityAddress(path.get(1));
      management.authorize(presentity);
      send(response, HttpServletResponse.SC_OK, AdminJson.authorized(presentity.uri()));
    } else if (resource.equals("presentities") && path.size() == 3 && path.get(2).equals("publications")) {
      allow(method, "POST");
      publish(ManagementService.presentityAddress(path.get(1)), request, response);
    } else if (resource.equals("subscriptions") && path.size() == 2) {
      allow(method, "DELETE");
      terminate(path.get(1), request.getParameter("reason"), response);
    } else if (resource.equals("online") && path.size() == 2) {
      allow(method, "GET");
      Aor presentity = ManagementService.presentityAddress(path.get(1));
      send(response, HttpServletResponse.SC_OK, AdminJson.online(presentity.uri(), management.targetOnline(presentity)));
    } else if (resource.equals("cleanup") && path.size() == 1) {
      allow(method, "POST");
      send(response, HttpServletResponse.SC_OK, AdminJson.cleanup(management.cleanup()));
    } else if (resource.equals("counters") && path.size() == 1) {
      allow(method, "GET");
      send(response, HttpServletResponse.SC_OK, AdminJson.counters(endpoint.counters().get(), System.currentTimeMillis()));
    } else if (resource.equals("dump") && path.size() == 1) {
      allow(method, "GET");
      send(response, HttpServletResponse.SC_OK, AdminJson.dump(management.dump()));
    } else if (resource.equals("cluster") && path.size() == 1) {
      allow(method, "GET");
      send(response, HttpServletResponse.SC_OK, AdminJson.cluster(endpoint.cluster().read()));
    } else if (resource.equals("subscribers")) {
      subscribers(method, path, request, response);
    } else if (resource.equals("settings") && path.size() == 1) {
      if (method.equals("PUT")) {
        send(response, HttpServletResponse.SC_OK,
            AdminJson.settings(management.changeSettings(AdminJson.settingChanges(jsonBody(request)))));
      } else {
        allow(method, "GET, PUT");
        send(response, HttpServletResponse.SC_OK, AdminJson.settings(management.settings()));
      }
    } else {
      throw new AdminError(HttpServletResponse.SC_NOT_FOUND, "no such admin resource; resources under /admin/: "
          + RESOURCES);
    }
  }

  /**
   * The subscriber store (Kamailio's kamctl add/passwd/rm): GET lists, POST {"aor", "password"}
   * adds, PUT subscribers/{aor} {"password"} changes a password, DELETE subscribers/{aor} removes.
   */
  private void subscribers(String method, List<String> path, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    SubscriberManagement subscribers = endpoint.subscribers();
    if (path.size() == 1) {
      if (method.equals("POST")) {
        Map<String, String> body = AdminJson.settingChanges(jsonBody(request));
        send(response, HttpServletResponse.SC_CREATED,
            AdminJson.subscriber(subscribers.add(required(body, "aor"), required(body, "password"))));
      } else {
        allow(method, "GET, POST");
        send(response, HttpServletResponse.SC_OK, AdminJson.subscribers(subscribers.list()));
      }
    } else if (path.size() == 2) {
      if (method.equals("PUT")) {
        Map<String, String> body = AdminJson.settingChanges(jsonBody(request));
        send(response, HttpServletResponse.SC_OK,
            AdminJson.subscriber(subscribers.changePassword(path.get(1), required(body, "password"))));
      } else {
        allow(method, "PUT, DELETE");
        subscribers.remove(path.get(1));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      }
    } else {
      throw new AdminError(HttpServletResponse.SC_NOT_FOUND, "no such admin resource; resources under /admin/: "
          + RESOURCES);
    }
  }

  private static String required(Map<String, String> body, String name) {
    String value = body.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("the JSON object needs a non-empty \"" + name + "\"");
    }
    return value;
  }

  /** The seed's pa.publish: the body is the document, the Content-Type its type. */
  private void publish(Aor presentity, HttpServletRequest request, HttpServletResponse response) throws IOException {
    String contentType = request.getContentType();
    if (contentType == null || contentType.isBlank()) {
      throw new AdminError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
          "a publication needs a Content-Type, e.g. application/pidf+xml");
    }
    OptionalLong expires = expires(request.getParameter("expires"));
    byte[] document = readBody(request);
    PublishResult result;
    try {
      result = endpoint.management().publish(presentity, mediaType(contentType), document, expires);
    } catch (RequestRejectedException e) {
      throw rejected(e);
    }
    send(response, HttpServletResponse.SC_CREATED, AdminJson.published(presentity.uri(), result));
  }

  private void terminate(String id, String reasonToken, HttpServletResponse response) throws IOException {
    TerminationReason reason = reasonToken == null || reasonToken.isBlank()
        ? ManagementService.DEFAULT_TERMINATION_REASON
        : ManagementService.terminationReason(reasonToken.trim());
    SubscriptionView ended = endpoint.management().terminate(SubscriptionKey.parse(id), reason)
        .orElseThrow(() -> new AdminError(HttpServletResponse.SC_NOT_FOUND, "no subscription " + id));
    send(response, HttpServletResponse.SC_OK, AdminJson.terminated(ended, reason.token()));
  }

  /** A PUBLISH refusal as HTTP: 415 stays 415 (with the types accepted), the others are bad input. */
  private static AdminError rejected(RequestRejectedException e) {
    String headers = e.headers().isEmpty() ? "" : " " + e.headers();
    if (e.status() == HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE) {
      return new AdminError(e.status(), "this document type cannot be published;" + headers);
    }
    return new AdminError(HttpServletResponse.SC_BAD_REQUEST, "publication refused: " + e.status() + " " + e.reason()
        + headers);
  }

  private static OptionalLong expires(String value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      long seconds = Long.parseLong(value.trim());
      if (seconds >= 0) {
        return OptionalLong.of(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("expires must be a non-negative number of seconds: '" + value + "'");
  }

  /** The media type without parameters (PUBLISH bodies are matched on type/subtype). */
  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
  }

  private byte[] readBody(HttpServletRequest request) throws IOException {
    int limit = endpoint.maxBodySize();
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        throw new AdminError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            "documents are limited to " + limit + " bytes (max_body_size)");
      }
      return body;
    }
  }

  /** A JSON request body (415 for another type, 400 when it does not parse). */
  private String jsonBody(HttpServletRequest request) throws IOException {
    String contentType = request.getContentType();
    if (contentType == null || !mediaType(contentType).equalsIgnoreCase(JSON_TYPE)) {
      throw new AdminError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "the body must be " + JSON_TYPE);
    }
    return new String(readBody(request), StandardCharsets.UTF_8);
  }

  /** @param allowed the methods allowed, as the {@code Allow} header lists them */
  private static void allow(String method, String allowed) {
    if (!List.of(allowed.split(", ")).contains(method)) {
      throw new AdminError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, allowed, "this resource allows only " + allowed);
    }
  }

  /** The path below /admin/ in decoded segments, without empty ones. */
  private static List<String> segments(String pathInfo) {
    if (pathInfo == null) {
      return List.of();
    }
    return Arrays.stream(pathInfo.split("/")).filter(segment -> !segment.isEmpty()).toList();
  }

  private static void send(HttpServletResponse response, int status, JsonObject body) throws IOException {
    write(response, status, AdminJson.text(body));
  }

  private static void send(HttpServletResponse response, int status, JsonArray body) throws IOException {
    write(response, status, AdminJson.text(body));
  }

  private static void sendError(HttpServletResponse response, int status, String message) throws IOException {
    write(response, status, AdminJson.text(AdminJson.error(status, message)));
  }

  private static void write(HttpServletResponse response, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(JSON_TYPE + ";charset=UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** An answer other than success, with its status and, for 405, the methods allowed. */
  private static final class AdminError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String allow;

    AdminError(int status, String message) {
      this(status, null, message);
    }

    AdminError(int status, String allow, String message) {
      super(message, null, false, false);
      this.status = status;
      this.allow = allow;
    }
  }
}
