package org.presenceagent.infrastructure.cluster;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a reader of the change log stands: the highest sequence number seen, and the lower numbers
 * not seen yet (<em>gaps</em>). Sequence numbers are drawn before commit, so a transaction holding a
 * lower number can commit after one holding a higher number; reading only above the high water
 * would skip its change for good. A gap is therefore read again on every pass until its row shows
 * up, or until it is older than the longest a writing transaction can stay open, when it can only be
 * a number that a rolled-back transaction (or a failed insert) consumed.
 *
 * <p>Used by one thread (the feed's).
 */
final class ChangeCursor {

  /** More open gaps than this means something is badly wrong; the oldest are given up first. */
  static final int MAX_GAPS = 10_000;

  private final long gapTimeoutNanos;
  private long highWater;
  /** Gap sequence number -> when it was first seen missing (monotonic nanos). */
  private final TreeMap<Long, Long> gaps = new TreeMap<>();

  ChangeCursor(long highWater, long gapTimeoutNanos) {
    this.highWater = highWater;
    this.gapTimeoutNanos = gapTimeoutNanos;
  }

  long highWater() {
    return highWater;
  }

  /** The gaps to read again with the next pass. */
  List<Long> gaps() {
    return List.copyOf(gaps.keySet());
  }

  /**
   * Takes the rows of one pass (seq above the high water or in the gaps, any order) and returns
   * those not delivered before, in sequence order; updates the high water and the gaps.
   */
  List<PresentityChangeRecord> advance(List<PresentityChangeRecord> rows, long nowNanos) {
    List<PresentityChangeRecord> fresh = new ArrayList<>();
    TreeMap<Long, PresentityChangeRecord> ordered = new TreeMap<>();
    rows.forEach(row -> ordered.put(row.seq(), row));
    for (PresentityChangeRecord row : ordered.values()) {
      if (row.seq() > highWater) {
        // A jump wider than the gap limit can only come from rolled-back work: keep its top end.
        for (long missing = Math.max(highWater + 1, row.seq() - MAX_GAPS); missing < row.seq(); missing++) {
          gaps.put(missing, nowNanos);
        }
        highWater = row.seq();
        fresh.add(row);
      } else if (gaps.remove(row.seq()) != null) {
        fresh.add(row);
      }
    }
    expire(nowNanos);
    return fresh;
  }

  private void expire(long nowNanos) {
    Iterator<Map.Entry<Long, Long>> open = gaps.entrySet().iterator();
    while (open.hasNext()) {
      Map.Entry<Long, Long> gap = open.next();
      if (nowNanos - gap.getValue() >= gapTimeoutNanos || gaps.size() > MAX_GAPS) {
        open.remove();
      }
    }
  }
}
