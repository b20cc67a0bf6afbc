package org.presenceagent.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs work in one resource-local transaction: commit on success, roll back on any failure. */
public final class TransactionRunner {

  private final EntityManagerFactory factory;
  private final TransactionListener listener;

  public TransactionRunner(EntityManagerFactory factory, TransactionListener listener) {
    this.factory = factory;
    this.listener = listener;
  }

  public <T> T inTransaction(Function<EntityManager, T> work) {
    long started = System.nanoTime();
    boolean committed = false;
    EntityManager entityManager = factory.createEntityManager();
    EntityTransaction transaction = entityManager.getTransaction();
    try {
      transaction.begin();
      T result = work.apply(entityManager);
      transaction.commit();
      committed = true;
      return result;
    } catch (RuntimeException e) {
      if (transaction.isActive()) {
        transaction.rollback();
      }
      throw e;
    } finally {
      entityManager.close();
      listener.finished(Duration.ofNanos(System.nanoTime() - started), committed);
    }
  }

  public void run(Consumer<EntityManager> work) {
    inTransaction(entityManager -> {
      work.accept(entityManager);
      return null;
    });
  }

  /** Reads without writing (still one transaction, for a consistent view). */
  public <T> T read(Function<EntityManager, T> work) {
    return inTransaction(work);
  }
}
