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

  @Test
  void waitingThatBringsNoCompanyStopsExceptForAProbe() {
    long t = busy();
    for (int i = 0; i < 20; i++) {
      linger.waited(0); // one presentity's turn: nothing can come while its only unit waits
    }
    int lingered = 0;
    for (int i = 0; i < 10 * CommitLinger.PROBE_EVERY; i++) {
      if (linger.waitUntil(t) > t) {
        lingered++;
        linger.waited(0);
      }
    }
    assertThat(lingered).as("only the probes wait").isEqualTo(10);
  }

  @Test
  void probesThatFindCompanyResumeLingering() {
    long t = busy();
    for (int i = 0; i < 50; i++) {
      linger.waited(0);
    }
    assertThat(linger.waitUntil(t)).isEqualTo(t);
    for (int i = 0; i < 3; i++) {
      linger.waited(2); // other presentities' units joined the probes
    }
    assertThat(linger.waitUntil(t)).isEqualTo(t + CommitLinger.MAX_WAIT_NANOS);
  }

  private long busy() {
    long t = 0;
    for (int i = 0; i < 100; i++) {
      linger.arrived(t += MS);
    }
    return t;
  }
}
