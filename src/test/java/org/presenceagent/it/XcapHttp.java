package org.presenceagent.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small XCAP client for tests: real HTTP to the server's XCAP root, optional basic credentials. */
final class XcapHttp {

  static final String PRES_RULES_TYPE = "application/auth-policy+xml";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String root;
  private final String authorization;

  XcapHttp(int httpPort, String user, String password) {
    this.root = "http://127.0.0.1:" + httpPort + "/xcap-root/";
    this.authorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  XcapHttp(int httpPort) {
    this(httpPort, null, null);
  }

  /** The pres-rules document of a user given as a SIP URI. */
  static String presRules(String aor) {
    return "pres-rules/users/" + aor + "/presence-rules.xml";
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).GET());
  }

  HttpResponse<String> put(String path, String contentType, byte[] body, String... headers)
      throws IOException, InterruptedException {
    return send(request(path, headers).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  HttpResponse<String> putRules(String aor, byte[] body) throws IOException, InterruptedException {
    return put(presRules(aor), PRES_RULES_TYPE, body);
  }

  HttpResponse<String> delete(String path, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).DELETE());
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
    return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }
}
