package org.presenceagent.infrastructure.persistence;

import java.time.Duration;

/** Learns how long each transaction took and how it ended (the metrics' database latency). */
@FunctionalInterface
public interface TransactionListener {

  /** How a transaction ended. */
  enum Outcome {
    /** Its writes were committed. */
    COMMIT,
    /** The work or the commit failed and the transaction was rolled back. */
    ROLLBACK,
    /**
     * A read, rolled back on purpose when done (see {@link TransactionRunner#read}): counted apart so
     * that rollbacks mean failures.
     */
    READ
  }

  /** Nobody listens. */
  TransactionListener NONE = (elapsed, outcome) -> { };

  /** @param elapsed from opening the entity manager to commit or rollback */
  void finished(Duration elapsed, Outcome outcome);
}
