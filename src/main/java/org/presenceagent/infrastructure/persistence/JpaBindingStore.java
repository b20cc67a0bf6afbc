package org.presenceagent.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.shared.Aor;

/** Bindings in the {@code binding} table. */
public final class JpaBindingStore implements BindingStore {

  private final TransactionRunner transactions;

  public JpaBindingStore(TransactionRunner transactions) {
    this.transactions = transactions;
  }

  @Override
  public DurableWrite save(Binding binding) {
    BindingRecord row = new BindingRecord(id(binding));
    row.aor = binding.aor().uri();
    row.contact = binding.contact();
    row.q = binding.q().orElse(null);
    row.instanceId = binding.instanceId().orElse(null);
    row.callId = binding.callId();
    row.cseq = binding.cseq();
    row.registeredAt = binding.registeredAt().toEpochMilli();
    row.expiresAt = binding.expiresAt().toEpochMilli();
    return entityManager -> entityManager.merge(row);
  }

  @Override
  public DurableWrite delete(Binding binding) {
    String id = id(binding);
    return entityManager -> entityManager.createNamedQuery(BindingRecord.DELETE)
        .setParameter("id", id)
        .executeUpdate();
  }

  @Override
  public DurableWrite deleteSeen(Binding binding) {
    String id = id(binding);
    long expiresAt = binding.expiresAt().toEpochMilli();
    return entityManager -> {
      int deleted = entityManager.createNamedQuery(BindingRecord.DELETE_SEEN)
          .setParameter("id", id)
          .setParameter("expiresAt", expiresAt)
          .executeUpdate();
      if (deleted != 1) {
        throw new IllegalStateException("binding " + id + " was changed or removed elsewhere: not deleted");
      }
    };
  }

  @Override
  public List<Binding> loadAll() {
    return transactions.read(entityManager -> entityManager
        .createNamedQuery(BindingRecord.ALL, BindingRecord.class)
        .getResultStream()
        .map(JpaBindingStore::toBinding)
        .toList());
  }

  @Override
  public List<Binding> load(Aor aor) {
    return transactions.read(entityManager -> entityManager
        .createNamedQuery(BindingRecord.OF_AOR, BindingRecord.class)
        .setParameter("aor", aor.uri())
        .getResultStream()
        .map(JpaBindingStore::toBinding)
        .toList());
  }

  @Override
  public List<Aor> aors() {
    return transactions.read(entityManager -> entityManager
        .createNamedQuery(BindingRecord.AORS, String.class)
        .getResultList()).stream().map(Aor::parse).toList();
  }

  private static Binding toBinding(BindingRecord row) {
    return new Binding(
        Aor.parse(row.aor),
        row.contact,
        Optional.ofNullable(row.q),
        Optional.ofNullable(row.instanceId),
        row.callId,
        row.cseq,
        Instant.ofEpochMilli(row.registeredAt),
        Instant.ofEpochMilli(row.expiresAt));
  }

  private static String id(Binding binding) {
    return binding.aor().uri() + "|" + binding.key();
  }
}
