package org.presenceagent.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ETagTest {

  @Test
  void randomTagsAreUnique() {
    Set<ETag> tags = new HashSet<>();
    IntStream.range(0, 1000).forEach(i -> tags.add(ETag.random()));

    assertThat(tags).hasSize(1000);
  }

  @Test
  void randomTagsAre128BitsOfTokenCharacters() {
    ETag tag = ETag.random();

    assertThat(tag.value()).matches("[0-9a-f]{32}");
    assertThat(tag).hasToString(tag.value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "A-b.c!d%e*f_g+h`i'j~k", "0123456789"})
  void acceptsTokens(String value) {
    assertThat(new ETag(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"has space", "quo\"te", "semi;colon", "comma,", "new\nline", "a@b", "<x>"})
  void rejectsNonTokens(String value) {
    assertThatIllegalArgumentException().isThrownBy(() -> new ETag(value)).withMessageContaining("invalid entity tag");
  }

  @Test
  void rejectsOverlongTags() {
    assertThat(new ETag("a".repeat(128)).value()).hasSize(128);
    assertThatIllegalArgumentException().isThrownBy(() -> new ETag("a".repeat(129)));
  }
}
