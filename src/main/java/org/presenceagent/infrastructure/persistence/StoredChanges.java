package org.presenceagent.infrastructure.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.presenceagent.domain.shared.UnitOfWork;

/**
 * The unit of work of the indexed repositories: each write method adds what to store (a
 * {@link DurableWrite}) and how to change the in-memory index once it is stored. {@link #commit()}
 * hands the writes to the group commit (or, with nothing to store, applies at once) and then
 * applies the index changes in the order they were made.
 */
public final class StoredChanges implements UnitOfWork {

  private final Function<List<DurableWrite>, CompletableFuture<Void>> writer;
  private final List<DurableWrite> writes = new ArrayList<>();
  private final List<Runnable> applies = new ArrayList<>();
  private boolean committed;

  private StoredChanges(Function<List<DurableWrite>, CompletableFuture<Void>> writer) {
    this.writer = writer;
  }

  /** Units written by the group commit. */
  public static UnitOfWork.Factory committedBy(GroupCommit groupCommit) {
    return () -> new StoredChanges(groupCommit::write);
  }

  /** Units for {@code use_db=0} and tests: nothing is stored, changes apply at commit. */
  public static UnitOfWork.Factory inMemory() {
    return () -> new StoredChanges(writes -> CompletableFuture.completedFuture(null));
  }

  /** The unit as this package's repositories use it; fails for a unit of another kind. */
  static StoredChanges of(UnitOfWork work) {
    if (work instanceof StoredChanges changes) {
      return changes;
    }
    throw new IllegalArgumentException("not a unit of work of the indexed repositories: " + work);
  }

  /** Adds one change: what to store (may be {@link DurableWrite#NOTHING}) and what to apply after. */
  void add(DurableWrite write, Runnable apply) {
    if (committed) {
      throw new IllegalStateException("this unit of work is already committed");
    }
    if (write != DurableWrite.NOTHING) {
      writes.add(write);
    }
    applies.add(apply);
  }

  /** Adds a write with nothing to apply after it (e.g. a change-log row); a {@link DurableWrite#NOTHING} adds nothing. */
  void add(DurableWrite write) {
    if (write != DurableWrite.NOTHING) {
      add(write, () -> { });
    }
  }

  @Override
  public CompletionStage<Void> commit() {
    if (committed) {
      throw new IllegalStateException("this unit of work is already committed");
    }
    committed = true;
    if (writes.isEmpty()) {
      applies.forEach(Runnable::run);
      return CompletableFuture.completedFuture(null);
    }
    return writer.apply(writes).thenRun(() -> applies.forEach(Runnable::run));
  }
}
