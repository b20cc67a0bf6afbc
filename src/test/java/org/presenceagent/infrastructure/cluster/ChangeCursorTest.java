package org.presenceagent.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.Aor;

class ChangeCursorTest {

  private static final long GAP_TIMEOUT = 1_000;

  private final ChangeCursor cursor = new ChangeCursor(10, GAP_TIMEOUT);

  @Test
  void deliversNewRowsInSequenceOrderOnce() {
    assertThat(seqs(cursor.advance(List.of(row(12), row(11)), 0))).containsExactly(11L, 12L);
    assertThat(cursor.advance(List.of(row(11), row(12)), 1)).isEmpty();
    assertThat(cursor.highWater()).isEqualTo(12);
    assertThat(cursor.gaps()).isEmpty();
  }

  @Test
  void aNumberSkippedByALaterCommitIsReadAgainUntilItsRowCommits() {
    assertThat(seqs(cursor.advance(List.of(row(13)), 0))).containsExactly(13L);
    assertThat(cursor.gaps()).containsExactly(11L, 12L);

    assertThat(seqs(cursor.advance(List.of(row(12), row(14)), 10))).containsExactly(12L, 14L);
    assertThat(cursor.gaps()).containsExactly(11L);
    assertThat(seqs(cursor.advance(List.of(row(11)), 20))).as("late, but delivered").containsExactly(11L);
    assertThat(cursor.gaps()).isEmpty();
  }

  @Test
  void aGapOlderThanAnyTransactionCanBeIsARolledBackNumberAndIsDropped() {
    cursor.advance(List.of(row(12)), 0);
    assertThat(cursor.gaps()).containsExactly(11L);
    cursor.advance(List.of(), GAP_TIMEOUT - 1);
    assertThat(cursor.gaps()).containsExactly(11L);
    cursor.advance(List.of(), GAP_TIMEOUT);
    assertThat(cursor.gaps()).isEmpty();
    assertThat(cursor.advance(List.of(row(11)), GAP_TIMEOUT + 1)).as("given up: not delivered").isEmpty();
  }

  @Test
  void aHugeJumpKeepsAtMostTheGapLimit() {
    cursor.advance(List.of(row(10 + 5 * ChangeCursor.MAX_GAPS)), 0);
    assertThat(cursor.gaps()).hasSize(ChangeCursor.MAX_GAPS);
    assertThat(cursor.gaps().get(cursor.gaps().size() - 1)).isEqualTo(9L + 5 * ChangeCursor.MAX_GAPS);
  }

  private static PresentityChangeRecord row(long seq) {
    return new PresentityChangeRecord(seq, Aor.parse("sip:alice@example.com"), "presence", "node-b");
  }

  private static List<Long> seqs(List<PresentityChangeRecord> rows) {
    return rows.stream().map(PresentityChangeRecord::seq).toList();
  }
}
