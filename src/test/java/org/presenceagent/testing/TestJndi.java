package org.presenceagent.testing;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.InitialContextFactory;

/**
 * A JNDI provider for tests, plugged in through the standard SPI ({@code java.naming.factory.initial}),
 * as a container's naming service is: {@code new InitialContext().lookup(name)} in the code under test
 * finds what the test bound here. Only lookups are served; the code under test never binds.
 */
public final class TestJndi implements InitialContextFactory {

  private static final Map<String, Object> BINDINGS = new ConcurrentHashMap<>();

  /** Makes this provider the JVM's initial context factory and binds {@code object} at {@code name}. */
  public static void bind(String name, Object object) {
    System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestJndi.class.getName());
    BINDINGS.put(name, object);
  }

  /** Removes every binding and the provider (other tests see no JNDI, as before). */
  public static void reset() {
    BINDINGS.clear();
    System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
  }

  @Override
  public Context getInitialContext(Hashtable<?, ?> environment) {
    return (Context) Proxy.newProxyInstance(TestJndi.class.getClassLoader(), new Class<?>[] {Context.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "lookup" -> {
            Object bound = BINDINGS.get(args[0].toString());
            if (bound == null) {
              throw new NameNotFoundException(args[0] + " is not bound");
            }
            yield bound;
          }
          case "close" -> null;
          default -> throw new OperationNotSupportedException(method.getName());
        });
  }
}
