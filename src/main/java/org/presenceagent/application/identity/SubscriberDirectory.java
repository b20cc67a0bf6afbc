package org.presenceagent.application.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.presenceagent.application.identity.SubscriberRejectedException.Kind;
import org.presenceagent.domain.shared.Aor;

/**
 * The one subscriber store: every user who may authenticate, for SIP digest (REGISTER, SUBSCRIBE,
 * PUBLISH, MESSAGE) and for the XCAP server alike. Users come from the configuration (the
 * {@code subscribers} parameter and file, read-only) and from the {@link SubscriberTable} (added,
 * re-keyed and removed at run time). Lookups read an immutable snapshot, so the hot path takes no
 * lock and touches no database; a change is written to the table first and only then swapped in,
 * so a failed write changes nothing.
 */
public final class SubscriberDirectory {

  private final String realm;
  private final LocalDomains domains;
  private final SubscriberTable table;
  private final AtomicReference<Map<Aor, Subscriber>> snapshot;
  private final Object writeLock = new Object();

  /**
   * @param configured the subscribers of the parameters and files (they win over stored rows of the same AOR)
   */
  public SubscriberDirectory(String realm, LocalDomains domains, Collection<Subscriber> configured, SubscriberTable table) {
    this.realm = realm;
    this.domains = domains;
    this.table = table;
    Map<Aor, Subscriber> all = new HashMap<>();
    table.loadAll().stream().filter(row -> row.realm().equals(realm)).forEach(row -> all.put(row.aor(), row));
    configured.forEach(subscriber -> all.put(subscriber.aor(), subscriber));
    this.snapshot = new AtomicReference<>(Map.copyOf(all));
  }

  /** The digest realm every stored HA1 belongs to. */
  public String realm() {
    return realm;
  }

  public Optional<Subscriber> find(Aor aor) {
    return Optional.ofNullable(snapshot.get().get(aor));
  }

  public boolean isEmpty() {
    return snapshot.get().isEmpty();
  }

  public int size() {
    return snapshot.get().size();
  }

  /** Every subscriber, sorted by address. */
  public List<Subscriber> list() {
    return snapshot.get().values().stream().sorted((a, b) -> a.aor().uri().compareTo(b.aor().uri())).toList();
  }

  /** Adds a user of a local domain with a password (only its HA1s are kept). */
  public Subscriber add(Aor aor, String password) {
    synchronized (writeLock) {
      if (find(aor).isPresent()) {
        throw new SubscriberRejectedException(Kind.CONFLICT, aor + " exists already");
      }
      if (!domains.isLocal(aor)) {
        throw new SubscriberRejectedException(Kind.INVALID, aor.host() + " is not one of the local domains " + domains);
      }
      return store(aor, password);
    }
  }

  /** Gives a stored user a new password. */
  public Subscriber changePassword(Aor aor, String password) {
    synchronized (writeLock) {
      writable(aor);
      return store(aor, password);
    }
  }

  /** Removes a stored user: from now on their requests are challenged and refused. */
  public void remove(Aor aor) {
    synchronized (writeLock) {
      writable(aor);
      table.delete(aor);
      Map<Aor, Subscriber> next = new HashMap<>(snapshot.get());
      next.remove(aor);
      snapshot.set(Map.copyOf(next));
    }
  }

  private void writable(Aor aor) {
    Subscriber existing = find(aor)
        .orElseThrow(() -> new SubscriberRejectedException(Kind.NOT_FOUND, "no subscriber " + aor));
    if (existing.configured()) {
      throw new SubscriberRejectedException(Kind.CONFLICT,
          aor + " is configured by the subscribers parameter or file: change it there");
    }
  }

  private Subscriber store(Aor aor, String password) {
    Subscriber subscriber;
    try {
      subscriber = Subscriber.withPassword(aor, realm, password, false);
    } catch (IllegalArgumentException e) {
      throw new SubscriberRejectedException(Kind.INVALID, e.getMessage());
    }
    table.save(subscriber); // durable first: a failed write leaves the snapshot as it was
    Map<Aor, Subscriber> next = new HashMap<>(snapshot.get());
    next.put(aor, subscriber);
    snapshot.set(Map.copyOf(next));
    return subscriber;
  }
}
