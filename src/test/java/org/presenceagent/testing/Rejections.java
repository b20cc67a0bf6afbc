package org.presenceagent.testing;

import org.presenceagent.application.RequestRejectedException;

/** Runs a request and returns the {@link RequestRejectedException} its responder was given. */
public final class Rejections {

  private Rejections() {}

  /** A recording responder that keeps the failure it was rejected with. */
  public interface Rejectable {
    /** The failure, null while there is none. */
    RuntimeException rejection();
  }

  public static RequestRejectedException rejection(Rejectable responder, Runnable request) {
    request.run();
    RuntimeException failure = responder.rejection();
    if (failure == null) {
      throw new AssertionError("expected the request to be rejected, but it was not");
    }
    if (!(failure instanceof RequestRejectedException rejected)) {
      throw new AssertionError("expected a RequestRejectedException, got " + failure, failure);
    }
    return rejected;
  }
}
