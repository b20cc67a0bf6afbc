package org.presenceagent.infrastructure.persistence;

import org.presenceagent.infrastructure.persistence.TransactionListener.Outcome;

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
      listener.finished(Duration.ofNanos(System.nanoTime() - started), committed ? Outcome.COMMIT : Outcome.ROLLBACK);
    }
  }

  public void run(Consumer<EntityManager> work) {
    inTransaction(entityManager -> {
      work.accept(entityManager);
      return null;
    });
  }

  /**
   * Reads without writing: one transaction for a consistent view, rolled back at the end, since a
   * commit would make EclipseLink compare every entity read with its copy to find changes (at
   * start-up that is every stored subscription and publication).
   */
  public <T> T read(Function<EntityManager, T> work) {
    long started = System.nanoTime();
    EntityManager entityManager = factory.createEntityManager();
    EntityTransaction transaction = entityManager.getTransaction();
    try {
      transaction.begin();
      return work.apply(entityManager);
    } finally {
      if (transaction.isActive()) {
        transaction.rollback();
      }
      entityManager.close();
      listener.finished(Duration.ofNanos(System.nanoTime() - started), Outcome.READ);
    }
  }
}
