package org.presenceagent.application.port;

import java.time.Instant;

/**
 * Runs a task when something expires. Scheduling again under the same name replaces the previous
 * task, so a refresh moves the expiry instead of adding a second one.
 */
public interface ExpiryScheduler {

  void schedule(String name, Instant when, Runnable task);

  void cancel(String name);
}
