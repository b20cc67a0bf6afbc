package org.presenceagent.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitLingerTest {

  private static final long MS = 1_000_000;
  private final CommitLinger linger = new CommitLinger();

  @Test
  void aQuietServerCommitsAtOnce() {
    assertThat(linger.waitUntil(5 * MS)).as("nothing seen yet").isEqualTo(5 * MS);
    long t = 0;
    for (int i = 0; i < 100; i++) {
      linger.arrived(t += 20 * MS); // 50 units per second
    }
    assertThat(linger.waitUntil(t)).isEqualTo(t);
  }

  @Test
  void underLoadABatchWaitsAtMostTheLingerForCompany() {
    long t = 0;
    for (int i = 0; i < 100; i++) {
      linger.arrived(t += MS); // 1000 units per second
    }
    assertThat(linger.waitUntil(t)).isEqualTo(t + CommitLinger.MAX_WAIT_NANOS);
  }

  @Test
  void loadThatStopsIsForgottenWithinAFewArrivals() {
    long t = 0;
    for (int i = 0; i < 1000; i++) {
      linger.arrived(t += MS / 4);
    }
    for (int i = 0; i < 3; i++) {
      linger.arrived(t += 60_000 * MS); // an idle minute between units
    }
    assertThat(linger.waitUntil(t)).isEqualTo(t);
  }

  @Test
  void unitsSeenOutOfOrderNeverMakeANegativeGap() {
    linger.arrived(10 * MS);
    linger.arrived(9 * MS);
    assertThat(linger.meanGapNanos()).isPositive();
  }
}
