package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a person's browser gets over HTTP: the landing page, the application's own error pages (no
 * container name, version or stack trace), the console's files with a strict Content-Security-Policy,
 * and the console's session with its protections against cross-site requests.
 */
class SitePagesIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("admin_credentials", "ops:s3cret")
      .param("jmx_name", "site-pages-it");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theLandingPageSaysWhatThisIsAndWhereItListens() throws Exception {
    HttpResponse<String> landing = get("/", "");
    assertThat(landing.statusCode()).isEqualTo(200);
    assertThat(landing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(landing.body()).contains("Presence Agent").contains("0.1.0")
        .contains("sip:127.0.0.1:" + SERVER.sipPort())
        .contains("href=\"console/\"").contains("href=\"metrics\"").contains("href=\"xcap-root/xcap-caps/global/index\"");
    assertThat(landing.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
    assertNoContainerDisclosed(landing);
    assertThat(get("/assets/presence-agent.css", "").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownAddressesGetOurOwnNotFoundPage() throws Exception {
    for (String path : new String[] {"/no-such-page", "/console/no-such-file", "/WEB-INF/web.xml", "/index.jsp"}) {
      HttpResponse<String> missing = get(path, "");
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
      assertThat(missing.body()).as(path).contains("404 Not found").contains("There is nothing at this address.");
      assertNoContainerDisclosed(missing);
    }
  }

  @Test
  void theConsoleIsServedAndItsSessionResistsForgery() throws Exception {
    HttpResponse<String> page = get("/console/", "");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"console.js\" defer></script>").doesNotContain("<script>");
    assertThat(get("/console/console.js", "").body()).contains("X-CSRF-Token");

    assertThat(post("/admin/session", "{\"user\":\"ops\",\"password\":\"nope\"}", null, null).statusCode()).isEqualTo(401);
    HttpResponse<String> signIn = post("/admin/session", "{\"user\":\"ops\",\"password\":\"s3cret\"}", null, null);
    assertThat(signIn.statusCode()).isEqualTo(200);
    String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/admin/");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    String csrf = AdminHttp.object(signIn).getString("csrfToken");

    assertThat(get("/admin/counters", cookie).statusCode()).as("a read with the cookie").isEqualTo(200);
    assertThat(post("/admin/cleanup", "", cookie, null).statusCode()).as("a change without the token").isEqualTo(403);
    assertThat(post("/admin/cleanup", "", cookie, csrf).statusCode()).as("with it").isEqualTo(200);
    HttpResponse<String> foreign = send(HttpRequest.newBuilder(uri("/admin/cleanup"))
        .header("Cookie", cookie).header("X-CSRF-Token", csrf).header("Origin", "http://attacker.example")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(foreign.statusCode()).as("a change another site's page makes").isEqualTo(403);

    HttpResponse<String> signOut = send(HttpRequest.newBuilder(uri("/admin/session"))
        .header("Cookie", cookie).header("X-CSRF-Token", csrf).DELETE());
    assertThat(signOut.statusCode()).isEqualTo(204);
    assertThat(get("/admin/counters", cookie).statusCode()).as("after signing out").isEqualTo(401);
  }

  private static void assertNoContainerDisclosed(HttpResponse<String> response) {
    assertThat(response.body()).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("apache")
        .doesNotContain("Exception").doesNotContain("at org.");
    assertThat(response.headers().firstValue("Server").orElse("")).doesNotContainIgnoringCase("tomcat")
        .doesNotContainIgnoringCase("coyote");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + SERVER.httpPort() + path);
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (!cookie.isEmpty()) {
      request.header("Cookie", cookie);
    }
    return send(request);
  }

  private HttpResponse<String> post(String path, String json, String cookie, String csrf) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
