package org.presenceagent.web;

import java.util.Optional;

/** What the metrics servlet serves, built by the composition root. */
@FunctionalInterface
public interface MetricsEndpoint {

  /** The servlet-context attribute under which the composition root stores the endpoint. */
  String ATTRIBUTE = MetricsEndpoint.class.getName();

  /** {@code metrics_enabled=0}: nothing is served. */
  MetricsEndpoint DISABLED = accept -> Optional.empty();

  /**
   * The current values in the format the {@code Accept} header asks for.
   *
   * @param accept the request's {@code Accept} header, null when it has none
   * @return empty when metrics are switched off
   */
  Optional<Exposition> scrape(String accept);

  /** A scrape's media type and body. */
  record Exposition(String contentType, String body) {}
}
