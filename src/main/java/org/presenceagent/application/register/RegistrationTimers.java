package org.presenceagent.application.register;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.port.ExpiryScheduler;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.registration.BindingRepository;
import org.presenceagent.domain.shared.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One expiry timer per binding. An expired binding is removed and, when presence comes from
 * registrations, the user's watchers are told at once (the user may now be offline).
 */
public final class RegistrationTimers {

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationTimers.class);
  private static final String PREFIX = "binding:";

  private final ExpiryScheduler scheduler;
  private final BindingRepository bindings;
  private final UnitOfWork.Factory units;
  private final NotifyService notifier;
  private final PresentitySequencer sequencer;
  private final Clock clock;
  private final boolean presenceFromRegistrations;

  public RegistrationTimers(
      ExpiryScheduler scheduler,
      BindingRepository bindings,
      UnitOfWork.Factory units,
      NotifyService notifier,
      PresentitySequencer sequencer,
      Clock clock,
      boolean presenceFromRegistrations) {
    this.scheduler = scheduler;
    this.bindings = bindings;
    this.units = units;
    this.notifier = notifier;
    this.sequencer = sequencer;
    this.clock = clock;
    this.presenceFromRegistrations = presenceFromRegistrations;
  }

  public void schedule(Binding binding) {
    scheduler.schedule(name(binding), binding.expiresAt(), () -> expireIfDue(binding));
  }

  public void cancel(Binding binding) {
    scheduler.cancel(name(binding));
  }

  /**
   * Removes the binding if it is still there and expired (checked again in the address of record's
   * turn: a refresh may have moved it), telling the user's watchers once the removal is stored.
   *
   * @return completes with whether it had expired
   */
  public CompletableFuture<Boolean> expireIfDue(Binding scheduled) {
    return sequencer.submit(scheduled.aor(), () -> {
      boolean expired = bindings.findByAor(scheduled.aor()).stream()
          .filter(binding -> binding.key().equals(scheduled.key()))
          .anyMatch(binding -> binding.isExpired(clock));
      if (!expired) {
        return CompletableFuture.completedFuture(false); // refreshed meanwhile, or already removed
      }
      UnitOfWork work = units.begin();
      bindings.remove(work, scheduled.aor(), scheduled.key());
      return work.commit().thenApply(ignored -> {
        LOG.debug("binding {} of {} expired", scheduled.contact(), scheduled.aor());
        if (presenceFromRegistrations) {
          notifier.notifyWatchers(scheduled.aor(), EventPackage.PRESENCE.name());
        }
        return true;
      });
    });
  }

  private static String name(Binding binding) {
    return PREFIX + binding.aor().uri() + "|" + binding.key();
  }
}
