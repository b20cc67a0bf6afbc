package org.presenceagent.testing;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.presenceagent.application.RequestRejectedException;

/** Catches the {@link RequestRejectedException} a use case must throw. */
public final class Rejections {

  private Rejections() {}

  public static RequestRejectedException rejection(ThrowingCallable call) {
    RequestRejectedException thrown = catchThrowableOfType(RequestRejectedException.class, call);
    if (thrown == null) {
      throw new AssertionError("expected a RequestRejectedException, but nothing was thrown");
    }
    return thrown;
  }
}
