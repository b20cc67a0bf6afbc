package org.presenceagent.infrastructure.persistence;

import jakarta.persistence.EntityManager;

/**
 * One change to stored state (an insert, update or delete of a row), run inside the transaction
 * that {@link GroupCommit} opens for a batch of units of work. It only issues statements; it never
 * commits, and it must not read what other writes of the batch may change.
 */
@FunctionalInterface
public interface DurableWrite {

  void apply(EntityManager entityManager);

  /** What memory-only stores ({@code use_db=0}) write: nothing. */
  DurableWrite NOTHING = entityManager -> { };
}
