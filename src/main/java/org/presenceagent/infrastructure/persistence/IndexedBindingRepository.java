package org.presenceagent.infrastructure.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.registration.BindingRepository;
import org.presenceagent.domain.shared.Aor;

/**
 * Bindings in memory by address of record (in registration order), written through to a
 * {@link BindingStore}. Callers hold the address of record's lock for changes.
 */
public final class IndexedBindingRepository implements BindingRepository {

  private final BindingStore store;
  private final Map<Aor, Map<String, Binding>> byAor = new ConcurrentHashMap<>();

  public IndexedBindingRepository(BindingStore store) {
    this.store = store;
  }

  /** Fills the index from the store (at start-up); returns what was loaded. */
  public List<Binding> load() {
    List<Binding> loaded = new ArrayList<>(store.loadAll());
    loaded.sort(Comparator.comparing(Binding::registeredAt));
    loaded.forEach(this::index);
    return loaded;
  }

  @Override
  public List<Binding> findByAor(Aor aor) {
    Map<String, Binding> bindings = byAor.get(aor);
    if (bindings == null) {
      return List.of();
    }
    synchronized (bindings) { // iterating a synchronized map needs its lock
      return List.copyOf(bindings.values());
    }
  }

  @Override
  public void save(Binding binding) {
    store.save(binding);
    index(binding);
  }

  @Override
  public void remove(Aor aor, String key) {
    Map<String, Binding> bindings = byAor.get(aor);
    Binding removed = bindings == null ? null : bindings.get(key);
    if (removed == null) {
      return;
    }
    store.delete(removed);
    byAor.computeIfPresent(aor, (ignored, current) -> {
      current.remove(key);
      return current.isEmpty() ? null : current;
    });
  }

  @Override
  public Collection<Binding> findAll() {
    List<Binding> all = new ArrayList<>();
    for (Map<String, Binding> bindings : byAor.values()) {
      synchronized (bindings) {
        all.addAll(bindings.values());
      }
    }
    return all;
  }

  /** How many bindings are held, over all addresses of record (for gauges). */
  public int size() {
    int size = 0;
    for (Map<String, Binding> bindings : byAor.values()) {
      size += bindings.size();
    }
    return size;
  }

  private void index(Binding binding) {
    byAor.computeIfAbsent(binding.aor(), ignored -> Collections.synchronizedMap(new LinkedHashMap<>()))
        .put(binding.key(), binding);
  }
}
