package org.presenceagent.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupedIndexTest {

  private record Entry(String key, String group) {}

  private final GroupedIndex<String, String, Entry> index = new GroupedIndex<>(Entry::key, Entry::group);

  @Test
  void aReplacementKeepsItsPlaceInTheGroup() {
    index.put(new Entry("a", "g"));
    index.put(new Entry("b", "g"));
    index.put(new Entry("c", "g"));

    index.replace("b", new Entry("b2", "g"));

    assertThat(index.group("g")).extracting(Entry::key).containsExactly("a", "b2", "c");
    assertThat(index.find("b")).isEmpty();
  }

  @Test
  void anEmptiedGroupGoes() {
    index.put(new Entry("a", "g"));
    index.remove("a");

    assertThat(index.groups()).isEmpty();
    assertThat(index.group("g")).isEmpty();
  }

  /**
   * Different watchers' subscriptions to one presentity are stored side by side: a value added while
   * another thread removes the group's last member must not land in the dropped group.
   */
  @Test
  void valuesAddedWhileTheGroupEmptiesFromOtherThreadsAreNeverLost() throws Exception {
    int threads = 4;
    int rounds = 50_000;
    CountDownLatch done = new CountDownLatch(threads);
    List<Throwable> failures = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger lost = new java.util.concurrent.atomic.AtomicInteger();
    for (int t = 0; t < threads; t++) {
      String key = "watcher-" + t;
      new Thread(() -> {
        try {
          for (int i = 0; i < rounds; i++) {
            index.put(new Entry(key, "presentity"));
            // Only this thread removes its key: after its put it must be in the group.
            if (index.group("presentity").stream().noneMatch(entry -> entry.key().equals(key))) {
              lost.incrementAndGet();
            }
            index.remove(key);
          }
          index.put(new Entry(key, "presentity")); // each thread's last value stays
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        } finally {
          done.countDown();
        }
      }).start();
    }

    assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(failures).isEmpty();
    assertThat(lost).as("puts lost in a dropped group").hasValue(0);
    assertThat(index.group("presentity")).extracting(Entry::key)
        .containsExactlyInAnyOrder("watcher-0", "watcher-1", "watcher-2", "watcher-3");
  }
}
