package org.presenceagent.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presenceagent.web.admin.AdminAccess.Verdict;

class AdminAccessTest {

  private static final AdminAccess LOCAL_ONLY = AdminAccess.of(Map.of("ops", "s3cret"), false);

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anOperatorWithTheRightPasswordOnALoopbackAddressIsAllowed() {
    assertThat(LOCAL_ONLY.check("127.0.0.1", basic("ops", "s3cret"))).isEqualTo(Verdict.ALLOWED);
    assertThat(LOCAL_ONLY.check("0:0:0:0:0:0:0:1", basic("ops", "s3cret"))).isEqualTo(Verdict.ALLOWED);
  }

  @Test
  void otherAddressesAreRefusedUnlessRemoteAccessIsOn() {
    assertThat(LOCAL_ONLY.check("192.0.2.10", basic("ops", "s3cret"))).isEqualTo(Verdict.NOT_LOCAL);
    assertThat(LOCAL_ONLY.check("2001:db8::1", basic("ops", "s3cret"))).isEqualTo(Verdict.NOT_LOCAL);
    assertThat(LOCAL_ONLY.check("localhost.example.com", basic("ops", "s3cret")))
        .as("never a name lookup").isEqualTo(Verdict.NOT_LOCAL);
    assertThat(AdminAccess.of(Map.of("ops", "s3cret"), true).check("192.0.2.10", basic("ops", "s3cret")))
        .isEqualTo(Verdict.ALLOWED);
  }

  @Test
  void wrongMissingOrMalformedCredentialsAreUnauthenticated() {
    assertThat(LOCAL_ONLY.check("127.0.0.1", null)).isEqualTo(Verdict.UNAUTHENTICATED);
    assertThat(LOCAL_ONLY.check("127.0.0.1", basic("ops", "s3cre"))).isEqualTo(Verdict.UNAUTHENTICATED);
    assertThat(LOCAL_ONLY.check("127.0.0.1", basic("ops", "s3cret!"))).isEqualTo(Verdict.UNAUTHENTICATED);
    assertThat(LOCAL_ONLY.check("127.0.0.1", basic("other", "s3cret"))).isEqualTo(Verdict.UNAUTHENTICATED);
    assertThat(LOCAL_ONLY.check("127.0.0.1", "Basic %%%")).isEqualTo(Verdict.UNAUTHENTICATED);
    assertThat(LOCAL_ONLY.check("127.0.0.1", "Bearer abc")).isEqualTo(Verdict.UNAUTHENTICATED);
  }

  @Test
  void withoutOperatorsTheApiIsDisabled() {
    assertThat(AdminAccess.of(Map.of(), false).check("127.0.0.1", basic("ops", "s3cret"))).isEqualTo(Verdict.DISABLED);
  }
}
