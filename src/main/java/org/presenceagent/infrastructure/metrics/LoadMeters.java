package org.presenceagent.infrastructure.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.presenceagent.application.overload.AdmissionControl;
import org.presenceagent.application.overload.AdmissionControl.Verdict;
import org.presenceagent.infrastructure.concurrency.WorkerPool;
import org.presenceagent.infrastructure.persistence.GroupCommit;

/**
 * Meters of the load and of overload control, read when scraped: {@code presence.requests.pending}
 * (received, not yet answered), {@code presence.overload.refused{reason}} (503s by reason),
 * {@code presence.workers.queued}, {@code presence.notify.backlog} (dialogs with a NOTIFY in flight
 * or waiting) and, with a database, {@code presence.db.commit.units} and
 * {@code presence.db.commit.batches} (their ratio is the mean group-commit batch) and
 * {@code presence.db.commit.queued}.
 */
public final class LoadMeters {

  private LoadMeters() {}

  public static void register(MeterRegistry registry, AdmissionControl admission, WorkerPool workers,
      IntSupplier notifyBacklog, Optional<GroupCommit> groupCommit) {
    Gauge.builder("presence.requests.pending", admission, AdmissionControl::pending)
        .description("SIP requests received and not yet answered").register(registry);
    for (Verdict reason : Verdict.values()) {
      if (reason != Verdict.ADMITTED) {
        FunctionCounter.builder("presence.overload.refused", admission, control -> control.refused(reason))
            .description("requests answered 503 by overload control, by reason")
            .tag("reason", reason.name().toLowerCase(Locale.ROOT))
            .register(registry);
      }
    }
    FunctionCounter.builder("presence.overload.refused.before.parse", admission, AdmissionControl::refusedBeforeParse)
        .description("of those, answered from the raw datagram before the SIP stack parsed it").register(registry);
    Gauge.builder("presence.workers.queued", workers, WorkerPool::queued)
        .description("tasks waiting for an application worker").register(registry);
    // Held strongly: a gauge keeps only a weak reference to its object, and the supplier (a method
    // reference made by the caller) is referenced by nothing else, so it was collected within
    // minutes and the gauge read NaN.
    Gauge.builder("presence.notify.backlog", notifyBacklog, IntSupplier::getAsInt)
        .description("dialogs with a NOTIFY in flight or waiting").strongReference(true).register(registry);
    groupCommit.ifPresent(commit -> {
      FunctionCounter.builder("presence.db.commit.units", commit, GroupCommit::units)
          .description("units of work (one per request that changed state) committed").register(registry);
      FunctionCounter.builder("presence.db.commit.batches", commit, GroupCommit::batches)
          .description("database transactions of the group commit").register(registry);
      Gauge.builder("presence.db.commit.queued", commit, GroupCommit::queued)
          .description("units of work waiting for the group commit").register(registry);
    });
  }
}
