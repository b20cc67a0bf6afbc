package org.presenceagent.application.register;

import java.time.Clock;
import org.presenceagent.application.PresentityLocks;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.port.ExpiryScheduler;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.registration.BindingRepository;
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
  private final NotifyService notifier;
  private final PresentityLocks locks;
  private final Clock clock;
  private final boolean presenceFromRegistrations;

  public RegistrationTimers(
      ExpiryScheduler scheduler,
      BindingRepository bindings,
      NotifyService notifier,
      PresentityLocks locks,
      Clock clock,
      boolean presenceFromRegistrations) {
    this.scheduler = scheduler;
    this.bindings = bindings;
    this.notifier = notifier;
    this.locks = locks;
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
   * Removes the binding if it is still there and expired (checked again under the lock: a refresh
   * may have moved it), telling the user's watchers.
   *
   * @return whether it had expired
   */
  public boolean expireIfDue(Binding scheduled) {
    return locks.withLock(scheduled.aor(), () -> {
      boolean expired = bindings.findByAor(scheduled.aor()).stream()
          .filter(binding -> binding.key().equals(scheduled.key()))
          .anyMatch(binding -> binding.isExpired(clock));
      if (!expired) {
        return false; // refreshed meanwhile, or already removed
      }
      bindings.remove(scheduled.aor(), scheduled.key());
      LOG.debug("binding {} of {} expired", scheduled.contact(), scheduled.aor());
      if (presenceFromRegistrations) {
        notifier.notifyWatchers(scheduled.aor(), EventPackage.PRESENCE.name());
      }
      return true;
    });
  }

  private static String name(Binding binding) {
    return PREFIX + binding.aor().uri() + "|" + binding.key();
  }
}
