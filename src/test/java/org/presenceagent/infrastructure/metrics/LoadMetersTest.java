package org.presenceagent.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.overload.AdmissionControl;
import org.presenceagent.infrastructure.concurrency.WorkerPool;

class LoadMetersTest {

  // Seen in a benchmark: presence_notify_backlog read NaN once the supplier had been collected.
  @Test
  void theNotifyBacklogGaugeOutlivesAGarbageCollection() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (WorkerPool workers = new WorkerPool("load-meters-test", 1)) {
      LoadMeters.register(registry, new AdmissionControl(200, 2000, 2), workers, backlogOf(7), Optional.empty());

      for (int i = 0; i < 3; i++) {
        System.gc();
      }

      assertThat(registry.get("presence.notify.backlog").gauge().value()).isEqualTo(7.0);
    }
  }

  /** A supplier nothing else refers to, as the composition root's method reference is. */
  private static java.util.function.IntSupplier backlogOf(int value) {
    return () -> value;
  }
}
