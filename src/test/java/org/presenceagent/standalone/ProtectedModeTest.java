package org.presenceagent.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presenceagent.infrastructure.config.IdentitySettings;
import org.presenceagent.infrastructure.config.PresenceSettings;

class ProtectedModeTest {

  private static IdentitySettings identity(Map<String, String> params) {
    return PresenceSettings.from(params).identity();
  }

  @Test
  void loopbackStartsOpenAnyOtherAddressNeedsAuthenticationOrAnExplicitOptOut() {
    assertThat(ProtectedMode.refusal("127.0.0.1", identity(Map.of()))).isEmpty();
    assertThat(ProtectedMode.refusal("::1", identity(Map.of()))).isEmpty();
    assertThat(ProtectedMode.refusal("0.0.0.0", identity(Map.of()))).hasValueSatisfying(message ->
        assertThat(message).contains("0.0.0.0").contains("digest_auth=1").contains("trusted_proxies")
            .contains("protected_mode=0"));
    assertThat(ProtectedMode.refusal("192.0.2.10", identity(Map.of("digest_auth", "1")))).isEmpty();
    assertThat(ProtectedMode.refusal("192.0.2.10", identity(Map.of("trusted_proxies", "192.0.2.1")))).isEmpty();
    assertThat(ProtectedMode.refusal("192.0.2.10", identity(Map.of("protected_mode", "0")))).isEmpty();
  }

  @Test
  void everyWatcherSeesEverythingOnlyOnLoopbackUnlessTheOperatorSaysSo() {
    assertThat(ProtectedMode.withSafeAuthorization("127.0.0.1", Map.of())).doesNotContainKey("auth");
    assertThat(ProtectedMode.withSafeAuthorization("0.0.0.0", Map.of("digest_auth", "1")))
        .containsEntry("auth", "xcap").containsEntry("digest_auth", "1");
    assertThat(ProtectedMode.withSafeAuthorization("0.0.0.0", Map.of("auth", "none"))).containsEntry("auth", "none");
  }

  @Test
  void theBannerSaysWhichModeIsInForce() {
    assertThat(ProtectedMode.describe("127.0.0.1", identity(Map.of()))).startsWith("open on loopback");
    assertThat(ProtectedMode.describe("0.0.0.0", identity(Map.of("protected_mode", "0")))).startsWith("OPEN");
    assertThat(ProtectedMode.describe("0.0.0.0", identity(Map.of("digest_auth", "1", "domains", "example.com"))))
        .isEqualTo("digest (realm example.com, MD5)");
    assertThat(ProtectedMode.describe("0.0.0.0", identity(Map.of("trusted_proxies", "10.0.0.0/8"))))
        .startsWith("trusted proxies 10.0.0.0/8");
  }
}
