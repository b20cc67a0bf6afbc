package org.presenceagent.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Accept negotiation for presence NOTIFY bodies (RFC 3261 section 20.1, RFC 6665 section 4.2.1.1). */
class ContentNegotiationTest {

  private static final EventPackage PRESENCE = EventPackage.PRESENCE;

  private static Optional<String> negotiate(MediaRange... ranges) {
    return PRESENCE.negotiate(Optional.of(Arrays.asList(ranges)));
  }

  private static MediaRange range(String type, String subtype, double q) {
    return new MediaRange(type, subtype, q);
  }

  @Test
  void noAcceptHeaderMeansPidf() {
    assertThat(PRESENCE.negotiate(Optional.empty())).contains(EventPackage.PIDF);
  }

  @Test
  void anEmptyAcceptHeaderAcceptsNothing() {
    assertThat(PRESENCE.negotiate(Optional.of(List.of()))).isEmpty();
  }

  @Test
  void presenceProducesTheFourFormatsPidfFirst() {
    assertThat(PRESENCE.notifyContentTypes()).containsExactly(
        EventPackage.PIDF, EventPackage.CPIM_PIDF, EventPackage.XPIDF, EventPackage.LPIDF);
  }

  @Test
  void anExactTypeIsChosen() {
    assertThat(negotiate(MediaRange.of("application/xpidf+xml"))).contains(EventPackage.XPIDF);
    assertThat(negotiate(MediaRange.of("application/lpidf+xml"))).contains(EventPackage.LPIDF);
    assertThat(negotiate(MediaRange.of("Application/CPIM-PIDF+XML"))).contains(EventPackage.CPIM_PIDF);
  }

  @Test
  void wildcardsGetOurPreferredType() {
    assertThat(negotiate(range("*", "*", 1))).contains(EventPackage.PIDF);
    assertThat(negotiate(range("application", "*", 1))).contains(EventPackage.PIDF);
  }

  @Test
  void theHighestQualityWins() {
    assertThat(negotiate(range("application", "pidf+xml", 0.5), range("application", "xpidf+xml", 0.8)))
        .contains(EventPackage.XPIDF);
  }

  @Test
  void equalQualitiesGoToTheTypeListedFirst() {
    // Windows Messenger lists XPIDF first and reads nothing else well.
    assertThat(negotiate(MediaRange.of("application/xpidf+xml"), MediaRange.of("application/pidf+xml")))
        .contains(EventPackage.XPIDF);
    assertThat(negotiate(MediaRange.of("application/pidf+xml"), MediaRange.of("application/xpidf+xml")))
        .contains(EventPackage.PIDF);
  }

  @Test
  void theMostSpecificRangeDecidesAType() {
    // application/* is fine, but PIDF itself is refused with q=0: the next of ours is taken.
    assertThat(negotiate(range("application", "*", 1), range("application", "pidf+xml", 0)))
        .contains(EventPackage.CPIM_PIDF);
    assertThat(negotiate(range("*", "*", 0.1), range("application", "lpidf+xml", 0.9)))
        .contains(EventPackage.LPIDF);
  }

  @Test
  void nothingProducibleIsEmpty() {
    assertThat(negotiate(MediaRange.of("text/plain"))).isEmpty();
    assertThat(negotiate(range("text", "*", 1), range("application", "pidf+xml", 0))).isEmpty();
    assertThat(negotiate(range("*", "*", 0))).isEmpty();
  }

  @Test
  void mediaRangesAreValidated() {
    assertThatIllegalArgumentException().isThrownBy(() -> new MediaRange("*", "xml", 1));
    assertThatIllegalArgumentException().isThrownBy(() -> new MediaRange("text", "plain", 1.5));
    assertThatIllegalArgumentException().isThrownBy(() -> new MediaRange(" ", "plain", 1));
    assertThatIllegalArgumentException().isThrownBy(() -> MediaRange.of("application"));
  }
}
