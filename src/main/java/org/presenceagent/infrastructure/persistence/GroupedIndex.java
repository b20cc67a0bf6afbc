package org.presenceagent.infrastructure.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The in-memory half of a repository: values by their own key, and grouped (by presentity and
 * event, or by address of record) in the order they were added. A replacement keeps its place in
 * its group, so a modified publication is still composed where the original was.
 *
 * <p>Changes to one group may come from several threads at once (the subscriptions of different
 * watchers to one presentity are stored side by side), so a group is changed, created and dropped
 * inside the map's {@code compute} for its key: a value added while the group's last member goes is
 * never put into a group that was just dropped. Readers on any thread see each value and each group
 * in a consistent state (a group is copied under its own lock).
 *
 * @param <G> the group key
 * @param <K> the value's key
 * @param <V> the value (immutable, or replaced as a whole)
 */
final class GroupedIndex<G, K, V> {

  private final Function<V, K> keyOf;
  private final Function<V, G> groupOf;
  private final Map<K, V> byKey = new ConcurrentHashMap<>();
  private final Map<G, Map<K, V>> byGroup = new ConcurrentHashMap<>();

  GroupedIndex(Function<V, K> keyOf, Function<V, G> groupOf) {
    this.keyOf = keyOf;
    this.groupOf = groupOf;
  }

  Optional<V> find(K key) {
    return Optional.ofNullable(byKey.get(key));
  }

  boolean contains(K key) {
    return byKey.containsKey(key);
  }

  /** The group's values in the order they were added; a copy. */
  List<V> group(G group) {
    Map<K, V> members = byGroup.get(group);
    if (members == null) {
      return List.of();
    }
    synchronized (members) {
      return new ArrayList<>(members.values());
    }
  }

  /** Adds the value, or replaces the one with the same key in its place. */
  void put(V value) {
    K key = keyOf.apply(value);
    byKey.put(key, value);
    changeGroup(groupOf.apply(value), members -> members.put(key, value));
  }

  /** Replaces the value under {@code previous} by one with another key, at the same place in the group. */
  void replace(K previous, V successor) {
    K key = keyOf.apply(successor);
    changeGroup(groupOf.apply(successor), members -> {
      if (!members.containsKey(previous)) {
        members.put(key, successor);
        return;
      }
      Map<K, V> reordered = new LinkedHashMap<>();
      members.forEach((memberKey, member) -> reordered.put(memberKey.equals(previous) ? key : memberKey,
          memberKey.equals(previous) ? successor : member));
      members.clear();
      members.putAll(reordered);
    });
    byKey.put(key, successor);
    byKey.remove(previous);
  }

  /**
   * Makes {@code values} the whole group (in that order), in one swap of the group's content: a
   * reader sees the old group or the new one, never a mixture.
   *
   * @return the values the group held before
   */
  List<V> replaceGroup(G group, List<V> values) {
    Map<K, V> fresh = new LinkedHashMap<>();
    values.forEach(value -> fresh.put(keyOf.apply(value), value));
    List<V> previous = new ArrayList<>();
    changeGroup(group, members -> {
      previous.addAll(members.values());
      fresh.forEach(byKey::put);
      members.clear();
      members.putAll(fresh);
    });
    previous.stream().map(keyOf).filter(key -> !fresh.containsKey(key)).forEach(byKey::remove);
    return previous;
  }

  /** Removes the value with that key; an emptied group goes too. */
  Optional<V> remove(K key) {
    V removed = byKey.remove(key);
    if (removed == null) {
      return Optional.empty();
    }
    changeGroup(groupOf.apply(removed), members -> members.remove(key));
    return Optional.of(removed);
  }

  /**
   * Changes one group inside the map's {@code compute} for its key and under the group's lock (see
   * the class comment): the group is created when absent and dropped when the change empties it, so
   * a value added while the last member goes is never put into a group that was just dropped.
   */
  private void changeGroup(G group, Consumer<Map<K, V>> change) {
    byGroup.compute(group, (ignored, members) -> {
      Map<K, V> held = members == null ? new LinkedHashMap<>() : members;
      synchronized (held) {
        change.accept(held);
        return held.isEmpty() ? null : held;
      }
    });
  }

  Collection<V> all() {
    return List.copyOf(byKey.values());
  }

  int size() {
    return byKey.size();
  }

  long count(Predicate<V> filter) {
    return byKey.values().stream().filter(filter).count();
  }

  Set<G> groups() {
    return Set.copyOf(byGroup.keySet());
  }
}
