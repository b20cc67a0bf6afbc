package org.presenceagent.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import org.junit.jupiter.api.Test;

class SessionReleaseTest {

  @Test
  void invalidatesTheSessionOfAnAnsweredRequest() {
    AtomicInteger invalidated = new AtomicInteger();

    SessionRelease.afterFinalResponse(request(session(() -> invalidated.incrementAndGet())));

    assertThat(invalidated).hasValue(1);
  }

  // The container can invalidate the session between isValid() and invalidate().
  @Test
  void aSessionTheContainerInvalidatedMeanwhileIsNoError() {
    SipServletRequest request = request(session(() -> {
      throw new IllegalStateException("SipApplicationSession 52f71566;PresenceAgent already invalidated !");
    }));

    assertThatCode(() -> SessionRelease.afterFinalResponse(request)).doesNotThrowAnyException();
  }

  @Test
  void aRequestWithoutSessionIsLeftAlone() {
    assertThatCode(() -> SessionRelease.afterFinalResponse(request(null))).doesNotThrowAnyException();
  }

  private static SipApplicationSession session(Runnable invalidate) {
    return proxy(SipApplicationSession.class, (name) -> switch (name) {
      case "isValid" -> true;
      case "invalidate" -> {
        invalidate.run();
        yield null;
      }
      default -> throw new UnsupportedOperationException(name);
    });
  }

  private static SipServletRequest request(SipApplicationSession session) {
    return proxy(SipServletRequest.class, (name) -> switch (name) {
      case "getApplicationSession" -> session;
      case "getCallId" -> "call-1@test";
      default -> throw new UnsupportedOperationException(name);
    });
  }

  private interface Answer {
    Object answer(String method);
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
        (self, method, args) -> answer.answer(method.getName())));
  }
}
