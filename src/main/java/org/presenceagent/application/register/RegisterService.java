package org.presenceagent.application.register;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.presenceagent.application.ExpiryGrant;
import java.util.concurrent.CompletableFuture;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.registration.BindingRepository;
import org.presenceagent.domain.shared.ExpiryPolicy;
import org.presenceagent.domain.shared.UnitOfWork;

/**
 * Processes REGISTER requests as RFC 3261 section 10.3 describes: a wildcard removes every
 * binding (only with {@code Expires: 0}), each contact is added, refreshed or removed with its
 * own expiry, an update from the same Call-ID with a CSeq that is not higher aborts the request,
 * and the answer lists every current binding. The request is applied whole or not at all: its
 * changes are one unit of work, stored in the address of record's turn before the answer. When the
 * bindings change, the user's watchers are notified (presence from registrations).
 */
public final class RegisterService {

  /** Asked at each request: the limits may change while the server runs. */
  private final Supplier<ExpiryPolicy> expiryPolicy;
  private final BindingRepository bindings;
  private final UnitOfWork.Factory units;
  private final RegistrationTimers timers;
  private final NotifyService notifier;
  private final PresentitySequencer sequencer;
  private final Clock clock;
  private final boolean presenceFromRegistrations;
  private final int maxContacts;

  public RegisterService(
      Supplier<ExpiryPolicy> expiryPolicy,
      BindingRepository bindings,
      UnitOfWork.Factory units,
      RegistrationTimers timers,
      NotifyService notifier,
      PresentitySequencer sequencer,
      Clock clock,
      boolean presenceFromRegistrations,
      int maxContacts) {
    this.expiryPolicy = expiryPolicy;
    this.bindings = bindings;
    this.units = units;
    this.timers = timers;
    this.notifier = notifier;
    this.sequencer = sequencer;
    this.clock = clock;
    this.presenceFromRegistrations = presenceFromRegistrations;
    this.maxContacts = maxContacts;
  }

  /**
   * Handles one REGISTER.
   *
   * @return completes with the bindings after the request, for the 200's Contact headers; fails
   *     with a {@link RequestRejectedException}: 400 (wildcard misuse), 423 (expiry too short), 500
   *     (CSeq out of order), or with the failure to store the change (nothing was changed)
   */
  public CompletableFuture<List<Binding>> register(RegisterCommand command) {
    return sequencer.submitNew(command.aor(), () -> {
      Map<String, Binding> current = bindings.findByAor(command.aor()).stream()
          .filter(binding -> !binding.isExpired(clock))
          .collect(Collectors.toMap(Binding::key, Function.identity()));
      List<Change> changes = command.wildcard() ? removeAll(command, current) : update(command, current);
      requireWithinLimit(current, changes);
      UnitOfWork work = units.begin();
      changes.forEach(change -> store(work, change));
      return work.commit().thenApply(ignored -> {
        changes.forEach(this::retime);
        if (!changes.isEmpty() && presenceFromRegistrations) {
          notifier.notifyWatchers(command.aor(), EventPackage.PRESENCE.name());
        }
        return bindings.findByAor(command.aor()).stream().filter(binding -> !binding.isExpired(clock)).toList();
      });
    });
  }

  private List<Change> removeAll(RegisterCommand command, Map<String, Binding> current) {
    // RFC 3261 section 10.3 step 6: "*" only with Expires: 0 and no other Contact.
    if (!command.contacts().isEmpty() || command.expiresHeader().orElse(-1) != 0) {
      throw RequestRejectedException.badRequest("Wildcard Contact requires Expires: 0 and no other Contact");
    }
    List<Change> changes = new ArrayList<>();
    for (Binding binding : current.values()) {
      requireInOrder(binding, command);
      changes.add(Change.removal(binding));
    }
    return changes;
  }

  private List<Change> update(RegisterCommand command, Map<String, Binding> current) {
    List<Change> changes = new ArrayList<>();
    for (ContactSpec contact : command.contacts()) {
      OptionalLong requested = contact.expires().isPresent() ? contact.expires() : command.expiresHeader();
      Duration granted = ExpiryGrant.of(expiryPolicy.get(), requested);
      String key = contact.instanceId().orElse(contact.uri());
      Optional<Binding> existing = Optional.ofNullable(current.get(key));
      existing.ifPresent(binding -> requireInOrder(binding, command));
      if (granted.isZero()) {
        existing.ifPresent(binding -> changes.add(Change.removal(binding)));
      } else {
        Binding binding = existing
            .map(found -> found.refreshed(contact.uri(), contact.q(), command.callId(), command.cseq(), granted, clock))
            .orElseGet(() -> Binding.create(command.aor(), contact.uri(), contact.q(), contact.instanceId(),
                command.callId(), command.cseq(), granted, clock));
        changes.add(Change.store(binding));
      }
    }
    return changes;
  }

  /**
   * At most {@code max_contacts} bindings per address of record after the request (Kamailio's
   * {@code max_contacts}): each binding is a branch of every MESSAGE to the user and a tuple of its
   * presence, so their number is what one REGISTER could otherwise multiply. Checked before
   * anything is stored: the request is refused whole.
   */
  private void requireWithinLimit(Map<String, Binding> current, List<Change> changes) {
    Set<String> after = new HashSet<>(current.keySet());
    for (Change change : changes) {
      if (change.remove()) {
        after.remove(change.binding().key());
      } else {
        after.add(change.binding().key());
      }
    }
    if (after.size() > maxContacts && after.size() > current.size()) {
      throw new RequestRejectedException(403, "Forbidden (Too Many Contacts, limit " + maxContacts + ")");
    }
  }

  private static void requireInOrder(Binding binding, RegisterCommand command) {
    if (!binding.acceptsUpdateFrom(command.callId(), command.cseq())) {
      // RFC 3261 section 10.3 step 7: "the update MUST be aborted and the request fails".
      throw new RequestRejectedException(500, "CSeq Out of Order");
    }
  }

  private void store(UnitOfWork work, Change change) {
    if (change.remove()) {
      bindings.remove(work, change.binding().aor(), change.binding().key());
    } else {
      bindings.save(work, change.binding());
    }
  }

  private void retime(Change change) {
    if (change.remove()) {
      timers.cancel(change.binding());
    } else {
      timers.schedule(change.binding());
    }
  }

  /** A binding to store or to remove. */
  private record Change(Binding binding, boolean remove) {
    static Change removal(Binding binding) {
      return new Change(binding, true);
    }

    static Change store(Binding binding) {
      return new Change(binding, false);
    }
  }
}
