package org.presenceagent.infrastructure.persistence;

import java.util.List;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.shared.Aor;

/** Durable storage of registration bindings: each change is a write for the group commit. */
public interface BindingStore {

  /** Inserts or replaces the binding. */
  DurableWrite save(Binding binding);

  DurableWrite delete(Binding binding);

  /**
   * Deletes the binding only as it is given (same expiry), and fails the unit of work if the stored
   * one is another (cluster mode: another node refreshed or removed it, and this node has not read
   * that yet).
   */
  DurableWrite deleteSeen(Binding binding);

  List<Binding> loadAll();

  /** The stored bindings of one address of record (cluster mode: after another node's change). */
  List<Binding> load(Aor aor);

  /** The addresses of record with stored bindings (cluster mode: to read every one again). */
  List<Aor> aors();

  /** For {@code use_db=0}: nothing is stored, nothing is loaded. */
  BindingStore NONE = new BindingStore() {
    @Override
    public DurableWrite save(Binding binding) {
      return DurableWrite.NOTHING;
    }

    @Override
    public DurableWrite delete(Binding binding) {
      return DurableWrite.NOTHING;
    }

    @Override
    public DurableWrite deleteSeen(Binding binding) {
      return DurableWrite.NOTHING;
    }

    @Override
    public List<Binding> loadAll() {
      return List.of();
    }

    @Override
    public List<Binding> load(Aor aor) {
      return List.of();
    }

    @Override
    public List<Aor> aors() {
      return List.of();
    }
  };
}
