package org.presenceagent.domain.registration;

import java.util.Collection;
import java.util.List;
import org.presenceagent.domain.shared.Aor;

/** Where bindings live: memory first, written through to durable storage before returning. */
public interface BindingRepository {

  /** The bindings of an address of record, oldest first. */
  List<Binding> findByAor(Aor aor);

  /** Stores a new binding or replaces the one with the same key. */
  void save(Binding binding);

  void remove(Aor aor, String key);

  Collection<Binding> findAll();
}
