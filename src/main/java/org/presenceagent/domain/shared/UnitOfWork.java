package org.presenceagent.domain.shared;

import java.util.concurrent.CompletionStage;

/**
 * The changes one use case makes to the stored state (subscriptions, publications, bindings),
 * collected by the repositories' write methods and then committed together: written in one
 * database transaction (shared with other units by the group commit) and only then applied to the
 * in-memory state. So a change is never seen before it is durable, and a change the database
 * refused leaves memory as it was (build the new value, save it, then swap it in).
 *
 * <p>A unit is committed once, from one thread; the repositories' readers see its changes only
 * after {@link #commit()} completed.
 */
public interface UnitOfWork {

  /**
   * Writes the changes and then applies them to memory.
   *
   * @return completes when both are done (at once when nothing needs storing), exceptionally when
   *     the write failed, in which case memory is unchanged
   */
  CompletionStage<Void> commit();

  /** Starts units of work (the composition root chooses the database, or none). */
  @FunctionalInterface
  interface Factory {
    UnitOfWork begin();
  }
}
