package org.presenceagent.infrastructure.persistence;

import java.time.Duration;

/** Learns how long each transaction took and how it ended (the metrics' database latency). */
@FunctionalInterface
public interface TransactionListener {

  /** Nobody listens. */
  TransactionListener NONE = (elapsed, committed) -> { };

  /**
   * @param elapsed from opening the entity manager to commit or rollback
   * @param committed false when the work or the commit failed and the transaction was rolled back
   */
  void finished(Duration elapsed, boolean committed);
}
