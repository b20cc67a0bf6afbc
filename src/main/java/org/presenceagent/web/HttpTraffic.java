package org.presenceagent.web;

/** What the HTTP side reports about the requests it answered (the composition root connects it to the metrics). */
@FunctionalInterface
public interface HttpTraffic {

  /** The servlet-context attribute under which the composition root stores the observer. */
  String ATTRIBUTE = HttpTraffic.class.getName();

  void requestHandled(String method, int status);
}
