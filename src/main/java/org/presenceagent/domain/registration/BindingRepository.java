package org.presenceagent.domain.registration;

import java.util.Collection;
import java.util.List;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.UnitOfWork;

/** Where bindings live: memory first; changes are stored when their {@link UnitOfWork} commits, then seen. */
public interface BindingRepository {

  /** The bindings of an address of record, oldest first. */
  List<Binding> findByAor(Aor aor);

  /** Stores a new binding or replaces the one with the same key. */
  void save(UnitOfWork work, Binding binding);

  void remove(UnitOfWork work, Aor aor, String key);

  Collection<Binding> findAll();
}
