package org.presenceagent.infrastructure.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.registration.BindingRepository;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.UnitOfWork;

/**
 * Bindings in memory by address of record (in registration order), stored through a
 * {@link BindingStore} when a unit of work commits; the index changes only after that.
 */
public final class IndexedBindingRepository implements BindingRepository {

  private final BindingStore store;
  private final PresentityChangeWrites changes;
  /** The event package whose state bindings are part of (presence, when use_callbacks=1). */
  private final String event;
  private final GroupedIndex<Aor, BindingId, Binding> index = new GroupedIndex<>(BindingId::of, Binding::aor);

  public IndexedBindingRepository(BindingStore store) {
    this(store, PresentityChangeWrites.NONE, EventPackage.PRESENCE.name());
  }

  /**
   * @param changes what each stored change also writes (cluster mode with use_callbacks=1: a
   *     change-log row of {@code event}, since bindings are part of the presence document)
   */
  public IndexedBindingRepository(BindingStore store, PresentityChangeWrites changes, String event) {
    this.store = store;
    this.changes = changes;
    this.event = event;
  }

  /** The address of record's bindings as stored now (cluster mode: another node changed them); reads the database. */
  public List<Binding> stored(Aor aor) {
    List<Binding> loaded = new ArrayList<>(store.load(aor));
    loaded.sort(Comparator.comparing(Binding::registeredAt));
    return loaded;
  }

  /** The addresses of record with stored bindings; reads the database. */
  public List<Aor> storedAors() {
    return store.aors();
  }

  /** The addresses of record with bindings in memory. */
  public Set<Aor> aors() {
    return index.groups();
  }

  /**
   * Makes {@code stored} the address of record's bindings in memory, in one swap (in its turn).
   *
   * @return the bindings held before
   */
  public List<Binding> replaceAll(Aor aor, List<Binding> stored) {
    return index.replaceGroup(aor, stored);
  }

  /** Fills the index from the store (at start-up); returns what was loaded. */
  public List<Binding> load() {
    List<Binding> loaded = new ArrayList<>(store.loadAll());
    loaded.sort(Comparator.comparing(Binding::registeredAt));
    loaded.forEach(index::put);
    return loaded;
  }

  @Override
  public List<Binding> findByAor(Aor aor) {
    return index.group(aor);
  }

  @Override
  public void save(UnitOfWork work, Binding binding) {
    StoredChanges.of(work).add(store.save(binding), () -> index.put(binding));
    StoredChanges.of(work).add(changes.changed(binding.aor(), event));
  }

  @Override
  public void remove(UnitOfWork work, Aor aor, String key) {
    BindingId id = new BindingId(aor, key);
    index.find(id).ifPresent(binding -> {
      StoredChanges.of(work).add(store.delete(binding), () -> index.remove(id));
      StoredChanges.of(work).add(changes.changed(aor, event));
    });
  }

  @Override
  public Collection<Binding> findAll() {
    return index.all();
  }

  /** How many bindings are held, over all addresses of record (for gauges). */
  public int size() {
    return index.size();
  }

  /** A binding's identity: its address of record and its key (instance id or contact URI). */
  private record BindingId(Aor aor, String key) {
    static BindingId of(Binding binding) {
      return new BindingId(binding.aor(), binding.key());
    }
  }
}
