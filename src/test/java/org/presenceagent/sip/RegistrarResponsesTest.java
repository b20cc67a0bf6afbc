package org.presenceagent.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistrarResponsesTest {

  @Test
  void theDateIsAnRfc1123DateInGmtWithATwoDigitDay() {
    // RFC 3261 section 20.17: date1 = 2DIGIT SP month SP 4DIGIT; English names whatever the locale
    assertThat(RegistrarResponses.DATE.format(Instant.parse("2026-12-02T04:05:06Z")))
        .isEqualTo("Wed, 02 Dec 2026 04:05:06 GMT");
  }
}
