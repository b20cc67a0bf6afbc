package org.presenceagent.document;

/**
 * Told of the deviations the lenient reading of a published document repaired: once per kind of
 * {@link Deviation} and document. The composition root connects it to the metrics, which this
 * package knows nothing of.
 */
@FunctionalInterface
public interface RepairCounter {

  /** Counts nothing (tests, tools). */
  RepairCounter NONE = deviation -> { };

  void repaired(Deviation deviation);
}
