package org.presenceagent.infrastructure.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The database: a data source (a HikariCP pool of our own, or the container's pool found in JNDI),
 * the schema migrated by Flyway ({@code db/migration}), and the JPA persistence unit
 * {@code presence-agent} on top. Closing it closes JPA and the pool it opened itself; a container's
 * pool belongs to the container.
 */
public final class Database implements AutoCloseable {

  /** The persistence unit in {@code META-INF/persistence.xml}. */
  public static final String PERSISTENCE_UNIT = "presence-agent";

  private final EntityManagerFactory entityManagerFactory;
  private final AutoCloseable ownedPool;
  private final String description;

  private Database(EntityManagerFactory entityManagerFactory, AutoCloseable ownedPool, String description) {
    this.entityManagerFactory = entityManagerFactory;
    this.ownedPool = ownedPool;
    this.description = description;
  }

  /** Opens a pool on the JDBC URL, migrates the schema to the current version and starts JPA. */
  public static Database open(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (!user.isEmpty()) {
      config.setUsername(user);
      config.setPassword(password);
    }
    config.setPoolName("presence-agent-db");
    config.setMaximumPoolSize(8);
    config.setAutoCommit(false);
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      return start(dataSource, dataSource, dataSource.getJdbcUrl());
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /**
   * Uses the container's data source bound at {@code jndiName} (e.g. a WildFly datasource at
   * {@code java:jboss/datasources/PresenceAgentDS}): migrates its schema and starts JPA on it. The
   * pool's size, credentials and validation are the container's configuration, and it is never closed
   * here. It must hand out non-JTA connections: the persistence unit demarcates its own transactions.
   *
   * @throws IllegalStateException when nothing, or no {@link DataSource}, is bound at that name
   */
  public static Database fromJndi(String jndiName) {
    return start(lookUp(jndiName), () -> { }, "JNDI " + jndiName);
  }

  static DataSource lookUp(String jndiName) {
    Object bound;
    try {
      InitialContext context = new InitialContext();
      try {
        bound = context.lookup(jndiName);
      } finally {
        context.close();
      }
    } catch (NamingException e) {
      throw new IllegalStateException("db_jndi_name=" + jndiName + ": no data source found in JNDI (" + e + ")", e);
    }
    if (bound instanceof DataSource dataSource) {
      return dataSource;
    }
    throw new IllegalStateException("db_jndi_name=" + jndiName + ": JNDI holds "
        + (bound == null ? "nothing" : "a " + bound.getClass().getName()) + " there, not a javax.sql.DataSource");
  }

  private static Database start(DataSource dataSource, AutoCloseable ownedPool, String description) {
    Flyway.configure(Database.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    Map<String, Object> properties = new HashMap<>();
    properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
    return new Database(Persistence.createEntityManagerFactory(PERSISTENCE_UNIT, properties), ownedPool, description);
  }

  /** Runs work in transactions of this database, telling the listener how long each took. */
  public TransactionRunner transactions(TransactionListener listener) {
    return new TransactionRunner(entityManagerFactory, listener);
  }

  /** The JDBC URL without credentials, or the JNDI name, for the banner and logs. */
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    try {
      entityManagerFactory.close();
    } finally {
      try {
        ownedPool.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the connection pool failed", e);
      }
    }
  }
}
