package org.presenceagent.bootstrap;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC drivers packed in the WAR (H2, PostgreSQL), made known to {@link DriverManager} while the
 * application runs and forgotten when it stops.
 *
 * <p>{@code DriverManager} finds drivers once per JVM, through the class loader that first touches
 * it. In a servlet container that is the container's (Tomcat's {@code JreMemoryLeakPreventionListener}
 * touches it at start-up on purpose), so drivers in {@code WEB-INF/lib} are never found and a pool
 * opened on a JDBC URL fails with "No suitable driver". Registering them here fixes that; taking
 * them out again at stop lets the application's class loader be collected after an undeploy
 * (otherwise {@code DriverManager} would keep it, and Tomcat complains about the leak).
 * Drivers the container itself provides (from a parent class loader) are left alone.
 */
final class JdbcDrivers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcDrivers.class);

  private final ClassLoader application;

  private JdbcDrivers(ClassLoader application) {
    this.application = application;
  }

  /** Registers the drivers that the given class loader itself (not a parent) provides. */
  static JdbcDrivers register(ClassLoader application) {
    for (Driver driver : ServiceLoader.load(Driver.class, application)) {
      // Loading a driver class often registers an instance already (H2 and PostgreSQL do, the
      // first time); one instance per driver is enough.
      if (driver.getClass().getClassLoader() == application && !isRegistered(driver.getClass())) {
        try {
          DriverManager.registerDriver(driver);
        } catch (SQLException e) {
          LOG.warn("cannot register the JDBC driver {}", driver.getClass().getName(), e);
        }
      }
    }
    return new JdbcDrivers(application);
  }

  private static boolean isRegistered(Class<?> driverClass) {
    return Collections.list(DriverManager.getDrivers()).stream().anyMatch(driverClass::isInstance);
  }

  /**
   * Deregisters every driver of the application's class loader, also the instances the drivers
   * registered themselves; the container's drivers stay.
   */
  @Override
  public void close() {
    for (Driver driver : Collections.list(DriverManager.getDrivers())) {
      if (driver.getClass().getClassLoader() == application) {
        try {
          DriverManager.deregisterDriver(driver);
        } catch (SQLException e) {
          LOG.warn("cannot deregister the JDBC driver {}", driver.getClass().getName(), e);
        }
      }
    }
  }
}
