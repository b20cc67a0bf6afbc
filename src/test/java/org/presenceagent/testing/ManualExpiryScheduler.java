package org.presenceagent.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.presenceagent.application.port.ExpiryScheduler;

/** Keeps the scheduled tasks by name; the test runs the due ones when it wants. */
public final class ManualExpiryScheduler implements ExpiryScheduler {

  /** One scheduled task. */
  public record Scheduled(String name, Instant when, Runnable task) {}

  private final Map<String, Scheduled> scheduled = new LinkedHashMap<>();
  private final List<String> cancelled = new ArrayList<>();
  private final Clock clock;

  public ManualExpiryScheduler(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void schedule(String name, Instant when, Runnable task) {
    scheduled.put(name, new Scheduled(name, when, task));
  }

  @Override
  public void cancel(String name) {
    if (scheduled.remove(name) != null) {
      cancelled.add(name);
    }
  }

  /** Runs (and forgets) every task whose time has come at the clock's instant; returns how many. */
  public int runDue() {
    List<Scheduled> due = scheduled.values().stream()
        .filter(task -> !task.when().isAfter(clock.instant()))
        .toList();
    due.forEach(task -> scheduled.remove(task.name()));
    due.forEach(task -> task.task().run());
    return due.size();
  }

  /** Runs one task now, whatever its time. */
  public void runNow(String name) {
    Scheduled task = scheduled.remove(name);
    if (task == null) {
      throw new AssertionError("no task scheduled as " + name + "; scheduled: " + scheduled.keySet());
    }
    task.task().run();
  }

  public Optional<Scheduled> find(String name) {
    return Optional.ofNullable(scheduled.get(name));
  }

  public Map<String, Scheduled> scheduled() {
    return Map.copyOf(scheduled);
  }

  public List<String> cancelled() {
    return List.copyOf(cancelled);
  }
}
