package org.presenceagent.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.presenceagent.domain.event.MediaRange;

/** Parsing of Accept header fields (RFC 3261 section 20.1 and 25.1). */
class AcceptHeadersTest {

  private static List<MediaRange> parse(String... values) {
    return AcceptHeaders.parse(List.of(values).iterator()).orElseThrow();
  }

  @Test
  void noHeaderIsEmpty() {
    assertThat(AcceptHeaders.parse(Collections.emptyIterator())).isEmpty();
    assertThat(AcceptHeaders.parse(null)).isEmpty();
  }

  @Test
  void anEmptyHeaderIsAnEmptyList() {
    assertThat(parse("")).isEmpty();
  }

  @Test
  void severalHeadersAndCommaListsKeepTheirOrder() {
    assertThat(parse("application/xpidf+xml, application/pidf+xml", "*/*;q=0.1")).containsExactly(
        new MediaRange("application", "xpidf+xml", 1),
        new MediaRange("application", "pidf+xml", 1),
        new MediaRange("*", "*", 0.1));
  }

  @Test
  void qualityAndOtherParametersAreRead() {
    assertThat(parse("Application/PIDF+XML ; charset=\"utf-8, or not\" ; Q=0.7, application/*;level=1"))
        .containsExactly(new MediaRange("application", "pidf+xml", 0.7), new MediaRange("application", "*", 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"application", "application/pidf+xml;q=2", "application/pidf+xml;q=0.1234",
      "*/xml", "app lication/pidf+xml", "application/pidf+xml;q="})
  void malformedRangesAreBadRequests(String value) {
    assertThatThrownBy(() -> parse(value))
        .isInstanceOfSatisfying(SipResponseException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).isEqualTo("Invalid Accept header");
        });
  }
}
