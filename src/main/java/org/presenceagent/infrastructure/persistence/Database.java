package org.presenceagent.infrastructure.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * The database: a HikariCP pool, the schema migrated by Flyway ({@code db/migration}), and the
 * JPA persistence unit {@code presence-agent} on top. Closing it closes all three.
 */
public final class Database implements AutoCloseable {

  /** The persistence unit in {@code META-INF/persistence.xml}. */
  public static final String PERSISTENCE_UNIT = "presence-agent";

  private final HikariDataSource dataSource;
  private final EntityManagerFactory entityManagerFactory;

  private Database(HikariDataSource dataSource, EntityManagerFactory entityManagerFactory) {
    this.dataSource = dataSource;
    this.entityManagerFactory = entityManagerFactory;
  }

  /** Connects, migrates the schema to the current version and starts JPA. */
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
      Flyway.configure(Database.class.getClassLoader())
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      Map<String, Object> properties = new HashMap<>();
      properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
      return new Database(dataSource, Persistence.createEntityManagerFactory(PERSISTENCE_UNIT, properties));
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /** Runs work in transactions of this database, telling the listener how long each took. */
  public TransactionRunner transactions(TransactionListener listener) {
    return new TransactionRunner(entityManagerFactory, listener);
  }

  /** The JDBC URL without credentials, for the banner and logs. */
  public String describe() {
    return dataSource.getJdbcUrl();
  }

  @Override
  public void close() {
    try {
      entityManagerFactory.close();
    } finally {
      dataSource.close();
    }
  }
}
