package org.presenceagent.infrastructure.persistence;

import java.util.List;
import org.presenceagent.domain.registration.Binding;

/** Durable storage of registration bindings: one write per change. */
public interface BindingStore {

  /** Inserts or replaces the binding. */
  void save(Binding binding);

  void delete(Binding binding);

  List<Binding> loadAll();

  /** For {@code use_db=0}: nothing is stored, nothing is loaded. */
  BindingStore NONE = new BindingStore() {
    @Override
    public void save(Binding binding) {
      // memory only
    }

    @Override
    public void delete(Binding binding) {
      // memory only
    }

    @Override
    public List<Binding> loadAll() {
      return List.of();
    }
  };
}
