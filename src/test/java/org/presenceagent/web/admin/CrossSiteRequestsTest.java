package org.presenceagent.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

class CrossSiteRequestsTest {

  @Test
  void readsAlwaysPass() {
    assertThat(CrossSiteRequests.isForeign(request("GET", Map.of("Origin", "http://attacker.example",
        "Sec-Fetch-Site", "cross-site")))).isFalse();
  }

  @Test
  void changesFromScriptsWithoutBrowserHeadersPass() {
    assertThat(CrossSiteRequests.isForeign(request("POST", Map.of("Host", "127.0.0.1:8080")))).isFalse();
  }

  @Test
  void changesFromThePagesOfThisOriginPass() {
    assertThat(CrossSiteRequests.isForeign(request("POST", Map.of("Host", "127.0.0.1:8080",
        "Origin", "http://127.0.0.1:8080", "Sec-Fetch-Site", "same-origin")))).isFalse();
    assertThat(CrossSiteRequests.isForeign(request("DELETE", Map.of("Host", "[::1]:8080",
        "Origin", "http://[::1]:8080")))).isFalse();
    assertThat(CrossSiteRequests.isForeign(request("PUT", Map.of("Host", "Console.Example",
        "Origin", "https://console.example")))).isFalse();
  }

  @Test
  void changesFromOtherSitesAreForeign() {
    assertThat(CrossSiteRequests.isForeign(request("POST", Map.of("Host", "127.0.0.1:8080",
        "Origin", "http://attacker.example")))).isTrue();
    assertThat(CrossSiteRequests.isForeign(request("POST", Map.of("Host", "127.0.0.1:8080",
        "Origin", "http://127.0.0.1:9090")))).as("another port is another origin").isTrue();
    assertThat(CrossSiteRequests.isForeign(request("POST", Map.of("Host", "127.0.0.1:8080",
        "Origin", "null")))).as("an opaque origin (sandboxed frame, file:)").isTrue();
    assertThat(CrossSiteRequests.isForeign(request("DELETE", Map.of("Host", "127.0.0.1:8080",
        "Sec-Fetch-Site", "cross-site")))).isTrue();
    assertThat(CrossSiteRequests.isForeign(request("PUT", Map.of("Host", "127.0.0.1:8080",
        "Sec-Fetch-Site", "same-site")))).as("a sibling subdomain is another origin").isTrue();
  }

  private static HttpServletRequest request(String method, Map<String, String> headers) {
    return (HttpServletRequest) Proxy.newProxyInstance(CrossSiteRequestsTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, called, arguments) -> switch (called.getName()) {
          case "getMethod" -> method;
          case "getHeader" -> headers.get((String) arguments[0]);
          default -> throw new UnsupportedOperationException(called.getName());
        });
  }
}
