package org.presenceagent.application.identity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.presenceagent.domain.shared.Aor;

/**
 * Where the subscribers managed at run time (admin API, JMX) are kept: the {@code subscriber}
 * table of the database, or memory with {@code use_db=0}.
 */
public interface SubscriberTable {

  /** Every stored subscriber, read once at start-up. */
  List<Subscriber> loadAll();

  /** Stores a new subscriber or replaces one with the same AOR; durable when it returns. */
  void save(Subscriber subscriber);

  /** Removes a subscriber; durable when it returns. */
  void delete(Aor aor);

  /** A table in memory: what the admin API adds is lost at restart (use_db=0). */
  static SubscriberTable inMemory() {
    Map<Aor, Subscriber> rows = new ConcurrentHashMap<>();
    return new SubscriberTable() {
      @Override
      public List<Subscriber> loadAll() {
        return List.copyOf(rows.values());
      }

      @Override
      public void save(Subscriber subscriber) {
        rows.put(subscriber.aor(), subscriber);
      }

      @Override
      public void delete(Aor aor) {
        rows.remove(aor);
      }
    };
  }
}
