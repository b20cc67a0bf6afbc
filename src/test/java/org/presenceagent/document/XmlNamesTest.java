package org.presenceagent.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class XmlNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"t1", "a0dj.y", "_x", "p4159", "tuple-1", "é1", "\uD840\uDC00x"})
  void acceptsNames(String name) {
    assertThat(XmlNames.isNcName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "32", "-a", ".a", "a b", "a:b", "a/b", ""})
  void refusesWhatIsNotAName(String text) {
    assertThat(XmlNames.isNcName(text)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"32, t32", "2 3, t2_3", "a:b, a_b", "-x, t-x", "a\uDB80\uDC00b, a_b"})
  void findsTheNearestName(String text, String name) {
    assertThat(XmlNames.nearestNcName(text)).isEqualTo(name).matches(XmlNames::isNcName);
  }
}
