package org.presenceagent.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presenceagent.testing.MutableClock;

class ConsoleSessionsTest {

  private final MutableClock clock = new MutableClock();
  private final ConsoleSessions sessions = new ConsoleSessions(clock);

  @Test
  void aSessionKnowsItsOperatorAndCarriesAnUnguessableAntiForgeryToken() {
    String token = sessions.open("ops");
    ConsoleSessions.Session session = sessions.find(token).orElseThrow();
    assertThat(session.operator()).isEqualTo("ops");
    assertThat(session.csrfToken()).isNotEqualTo(token).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
    assertThat(ConsoleSessions.csrfMatches(session, session.csrfToken())).isTrue();
    assertThat(ConsoleSessions.csrfMatches(session, token)).isFalse();
    assertThat(ConsoleSessions.csrfMatches(session, null)).isFalse();
    assertThat(sessions.find("forged")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }

  @Test
  void sessionsEndWhenIdleAfterTheirLifetimeOrWhenClosed() {
    String idle = sessions.open("ops");
    clock.advance(ConsoleSessions.IDLE.plusSeconds(1));
    assertThat(sessions.find(idle)).as("idle too long").isEmpty();

    String busy = sessions.open("ops");
    for (Duration used = Duration.ZERO; used.compareTo(ConsoleSessions.LIFETIME) <= 0; used = used.plusMinutes(20)) {
      assertThat(sessions.find(busy)).as("in use after " + used).isPresent();
      clock.advance(Duration.ofMinutes(20));
    }
    assertThat(sessions.find(busy)).as("past its lifetime, however busy").isEmpty();

    String closed = sessions.open("ops");
    sessions.close(closed);
    assertThat(sessions.find(closed)).isEmpty();
  }

  @Test
  void theLeastRecentlyUsedSessionGivesWayWhenTooManyAreOpen() {
    String first = sessions.open("ops");
    clock.advanceSeconds(1);
    Set<String> others = new HashSet<>();
    for (int i = 1; i < ConsoleSessions.MAX_SESSIONS; i++) {
      others.add(sessions.open("ops"));
    }
    clock.advanceSeconds(1);
    assertThat(sessions.find(first)).isPresent(); // used now: the others are older
    sessions.open("ops");
    assertThat(sessions.find(first)).isPresent();
    assertThat(others.stream().filter(token -> sessions.find(token).isEmpty())).hasSize(1);
  }
}
