package org.presenceagent.application.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.Aor;

/** RFC 5025 section 3.1.1: a new sphere re-authorizes, the same sphere does not. */
class SphereChangesTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");

  private final AtomicReference<Optional<String>> sphere = new AtomicReference<>(Optional.of("home"));
  private final AtomicBoolean usesSphere = new AtomicBoolean(true);
  private final List<Aor> reauthorized = new ArrayList<>();
  private final SphereChanges changes =
      new SphereChanges(presentity -> usesSphere.get(), presentity -> sphere.get(), reauthorized::add);

  @Test
  void onlyANewSphereReauthorizes() {
    assertThat(changes.reauthorizedAfterChange(ALICE)).as("never seen before").isTrue();
    assertThat(changes.reauthorizedAfterChange(ALICE)).as("still home").isFalse();

    sphere.set(Optional.of("work"));
    assertThat(changes.reauthorizedAfterChange(ALICE)).isTrue();
    sphere.set(Optional.empty());
    assertThat(changes.reauthorizedAfterChange(ALICE)).as("no sphere any more").isTrue();
    assertThat(reauthorized).containsExactly(ALICE, ALICE, ALICE);
  }

  @Test
  void rulesWithoutSphereConditionsNeverReauthorize() {
    usesSphere.set(false);

    assertThat(changes.reauthorizedAfterChange(ALICE)).isFalse();
    sphere.set(Optional.of("work"));
    assertThat(changes.reauthorizedAfterChange(ALICE)).isFalse();
    assertThat(reauthorized).isEmpty();
  }

  @Test
  void aForgottenSphereIsNotComparedWithAStaleValue() {
    changes.reauthorizedAfterChange(ALICE);
    changes.forget(ALICE); // the watchers left; the sphere changes back and forth unseen

    assertThat(changes.reauthorizedAfterChange(ALICE)).isTrue();
  }
}
