package org.presenceagent.domain.auth;

import java.util.Objects;

/**
 * The outcome of evaluating a presentity's rules for one watcher: how to handle the subscription
 * and what the watcher may see.
 */
public record Decision(SubHandling subHandling, Transformations transformations) {

  /** No rule matched: hold the watcher pending and show nothing (the seed's behaviour). */
  public static final Decision NO_MATCH = new Decision(SubHandling.CONFIRM, Transformations.NONE);

  public Decision {
    Objects.requireNonNull(subHandling, "subHandling");
    Objects.requireNonNull(transformations, "transformations");
  }
}
