package org.presenceagent.sip;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.servlet.sip.Address;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mobicents.servlet.sip.message.SipFactoryImpl;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The servlet's per-request DEBUG line and Call-ID logging context, driven with stand-ins of the
 * container's message objects (the integration tests cover the real container).
 */
class PresenceServletLoggingTest {

  private static final String CALL_ID = "a84b4c76e66710@pc33.example.com";

  private final Logger logger = (Logger) LoggerFactory.getLogger(PresenceServlet.class);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final List<String> handled = new ArrayList<>();
  private Level previousLevel;
  private PresenceServlet servlet;

  @BeforeEach
  void start() throws Exception {
    previousLevel = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    appender.start();
    logger.addAppender(appender);

    Map<String, Object> attributes = new HashMap<>();
    ServletContext context = fake(ServletContext.class, Map.of("getAttribute", args -> attributes.get(args[0])));
    attributes.put(SipServlet.SIP_FACTORY, new SipFactoryImpl()); // the class the handlers insist on; unused here
    SipHandlers handlers = SipHandlers.forContext(context).withTraffic(new SipTraffic() {
      @Override
      public void requestHandled(String method, int finalStatus) {
        handled.add(method + " " + finalStatus);
      }

      @Override
      public void notifyAnswered(int status) {
        handled.add("NOTIFY answered " + status);
      }
    });
    attributes.put(SipHandlers.ATTRIBUTE, handlers);
    servlet = new PresenceServlet();
    servlet.init(fake(ServletConfig.class, Map.of(
        "getServletContext", args -> context,
        "getServletName", args -> "presence",
        "getInitParameterNames", args -> Collections.emptyEnumeration())));
  }

  @AfterEach
  void stop() {
    logger.detachAppender(appender);
    logger.setLevel(previousLevel);
  }

  @Test
  void eachRequestLeavesOneDebugLineWithCallIdAndFinalStatus() throws Exception {
    servlet.service(request("OPTIONS"), null);

    assertThat(appender.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
      assertThat(event.getFormattedMessage()).isEqualTo("OPTIONS sip:pa@example.com from sip:alice@example.com"
          + " to sip:bob@example.com (Call-ID " + CALL_ID + ") -> 200");
      assertThat(event.getMDCPropertyMap()).containsEntry(PresenceServlet.CALL_ID, CALL_ID);
    });
    assertThat(handled).containsExactly("OPTIONS 200");
    assertThat(MDC.get(PresenceServlet.CALL_ID)).as("cleared after the request").isNull();
  }

  @Test
  void errorAnswersAreLoggedAndCountedWithTheirStatus() throws Exception {
    servlet.service(request("INFO"), null); // not served: 405

    assertThat(appender.list).last().satisfies(event -> {
      assertThat(event.getFormattedMessage()).startsWith("INFO sip:pa@example.com").endsWith("-> 405");
      assertThat(event.getMDCPropertyMap()).containsEntry(PresenceServlet.CALL_ID, CALL_ID);
    });
    assertThat(handled).containsExactly("INFO 405");
  }

  @Test
  void nothingIsLoggedPerRequestAboveDebug() throws Exception {
    logger.setLevel(Level.INFO);

    servlet.service(request("OPTIONS"), null);

    assertThat(appender.list).isEmpty();
    assertThat(handled).containsExactly("OPTIONS 200"); // still counted
  }

  /** A request whose responses record their status and are "sent" without a network. */
  private static SipServletRequest request(String method) {
    Map<String, Object> attributes = new HashMap<>();
    SipServletRequest[] request = new SipServletRequest[1];
    Function<Integer, SipServletResponse> response = status -> fake(SipServletResponse.class, Map.of(
        "getStatus", args -> status,
        "getRequest", args -> request[0]));
    request[0] = fake(SipServletRequest.class, Map.of(
        "getMethod", args -> method,
        "getCallId", args -> CALL_ID,
        "getRequestURI", args -> uri("sip:pa@example.com"),
        "getFrom", args -> address("sip:alice@example.com"),
        "getTo", args -> address("sip:bob@example.com"),
        "createResponse", args -> response.apply((Integer) args[0]),
        "setAttribute", args -> attributes.put((String) args[0], args[1]),
        "getAttribute", args -> attributes.get(args[0])));
    return request[0];
  }

  private static Address address(String uri) {
    return fake(Address.class, Map.of("getURI", args -> uri(uri), "toString", args -> "<" + uri + ">"));
  }

  private static URI uri(String uri) {
    return fake(URI.class, Map.of("toString", args -> uri));
  }

  /** An implementation answering the named methods; every other one returns null, false or 0. */
  private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      Function<Object[], Object> answer = answers.get(method.getName());
      if (answer != null) {
        return answer.apply(args == null ? new Object[0] : args);
      }
      if (method.getName().equals("toString")) {
        return type.getSimpleName();
      }
      if (method.getName().equals("hashCode")) {
        return System.identityHashCode(proxy);
      }
      if (method.getName().equals("equals")) {
        return proxy == args[0];
      }
      Class<?> returned = method.getReturnType();
      if (returned == boolean.class) {
        return false;
      }
      if (returned == int.class || returned == long.class) {
        return returned == int.class ? (Object) 0 : (Object) 0L;
      }
      return null;
    }));
  }
}
