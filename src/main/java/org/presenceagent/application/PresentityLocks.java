package org.presenceagent.application;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.presenceagent.domain.shared.Aor;

/**
 * Serialises the changes to one presentity (its publications and subscriptions) while letting
 * different presentities proceed in parallel: a fixed array of lock stripes chosen by hash, so the
 * memory used does not grow with the number of presentities.
 */
public final class PresentityLocks {

  private final ReentrantLock[] stripes;

  public PresentityLocks(int stripeCount) {
    if (stripeCount <= 0) {
      throw new IllegalArgumentException("stripe count must be positive");
    }
    stripes = new ReentrantLock[stripeCount];
    for (int i = 0; i < stripeCount; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  public <T> T withLock(Aor presentity, Supplier<T> action) {
    ReentrantLock lock = stripes[Math.floorMod(presentity.hashCode(), stripes.length)];
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  public void withLock(Aor presentity, Runnable action) {
    withLock(presentity, () -> {
      action.run();
      return null;
    });
  }
}
