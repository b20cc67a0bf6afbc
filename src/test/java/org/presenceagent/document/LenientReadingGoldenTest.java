package org.presenceagent.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.presenceagent.application.port.InvalidDocumentException;
import org.xmlunit.assertj3.XmlAssert;

/**
 * Golden files of the lenient reading ({@code documents/pidf/repair}, see its README): each
 * published document is accepted, the stored bytes are the repaired document, every kind of
 * deviation is counted once, reading the repaired document again repairs nothing, and the strict
 * reading (XCAP) refuses the published one with the reason it was repaired for.
 */
class LenientReadingGoldenTest {

  private static final String PIDF = "application/pidf+xml";

  private final List<Deviation> counted = new ArrayList<>();
  private final PidfCodec codec = new PidfCodec(new SecureXml(), counted::add);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("baresip-1.0.0-unknown", List.of(Deviation.BASIC_UNKNOWN), "basic must be open or closed"),
        Arguments.of("basic-busy", List.of(Deviation.BASIC_UNKNOWN), "basic must be open or closed"),
        Arguments.of("basic-pretty-printed", List.of(Deviation.BASIC_SPELLING), "basic must be open or closed"),
        Arguments.of("priority-out-of-range", List.of(Deviation.PRIORITY_INVALID),
            "contact priority must be a number between 0 and 1"),
        Arguments.of("timestamp-not-a-date", List.of(Deviation.TIMESTAMP_INVALID), "timestamp is not a date and time"),
        Arguments.of("numeric-tuple-ids", List.of(Deviation.TUPLE_ID_NOT_A_NAME), "tuple id is not an XML name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void storesTheRepairedDocumentAndCountsEachDeviationOnce(String name, List<Deviation> deviations, String refusal) {
    ParsedPidf parsed = codec.parse(PIDF, TestDocuments.pidf("repair/" + name + ".xml"));

    XmlAssert.assertThat(parsed.bytes()).and(TestDocuments.pidf("repair/" + name + ".repaired.xml"))
        .ignoreWhitespace().ignoreComments().areSimilar();
    assertThat(counted).containsExactlyElementsOf(deviations);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theRepairedDocumentNeedsNoFurtherRepair(String name, List<Deviation> deviations, String refusal) {
    byte[] repaired = codec.parse(PIDF, TestDocuments.pidf("repair/" + name + ".xml")).bytes();
    counted.clear();

    ParsedPidf again = codec.parse(PIDF, repaired);

    assertThat(again.bytes()).isEqualTo(repaired);
    assertThat(counted).isEmpty();
    assertThat(codec.parseStrictly(PIDF, repaired).bytes()).isEqualTo(repaired);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theStrictReadingRefusesWhatWouldNeedRepair(String name, List<Deviation> deviations, String refusal) {
    assertThatThrownBy(() -> codec.parseStrictly(PIDF, TestDocuments.pidf("repair/" + name + ".xml")))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessage("Invalid PIDF: " + refusal);
    assertThat(counted).as("a refused document counts no repair").isEmpty();
  }
}
