package org.presenceagent.infrastructure.cluster;

import java.util.List;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.infrastructure.persistence.BindingStore;
import org.presenceagent.infrastructure.persistence.DurableWrite;

/**
 * The binding store of a cluster node: a binding is deleted (an expiry, an un-REGISTER) only as this
 * node last saw it. Every node times the bindings it holds, and one that has not yet applied another
 * node's refresh (milliseconds behind) would otherwise delete the refreshed binding at its old
 * expiry; its unit fails instead, and the refresh it then reads moves its timer.
 */
final class SeenBindingStore implements BindingStore {

  private final BindingStore stored;

  SeenBindingStore(BindingStore stored) {
    this.stored = stored;
  }

  @Override
  public DurableWrite save(Binding binding) {
    return stored.save(binding);
  }

  @Override
  public DurableWrite delete(Binding binding) {
    return stored.deleteSeen(binding);
  }

  @Override
  public DurableWrite deleteSeen(Binding binding) {
    return stored.deleteSeen(binding);
  }

  @Override
  public List<Binding> loadAll() {
    return stored.loadAll();
  }

  @Override
  public List<Binding> load(Aor aor) {
    return stored.load(aor);
  }

  @Override
  public List<Aor> aors() {
    return stored.aors();
  }
}
