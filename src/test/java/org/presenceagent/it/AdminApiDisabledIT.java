package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Out of the box (no {@code admin_credentials}) the admin API is off and says how to enable it. */
class AdminApiDisabledIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension().param("auth", "none");

  @Test
  void withoutOperatorsTheApiAnswers503SayingHowToEnableIt() throws Exception {
    HttpResponse<String> refused = new AdminHttp(SERVER.httpPort(), "ops", "anything").get("presentities");

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(AdminHttp.object(refused).getString("message")).contains("admin_credentials");
  }
}
