package org.presenceagent.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.presenceagent.testing.TestJndi;

/** db_jndi_name: the container's data source is found in JNDI, migrated, used, and left open. */
class DatabaseJndiTest {

  private static final String NAME = "java:jboss/datasources/PresenceAgentDS";

  @AfterEach
  void unbind() {
    TestJndi.reset();
  }

  @Test
  void migratesAndUsesTheBoundDataSourceWithoutClosingIt() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:database-jndi-test;DB_CLOSE_DELAY=-1");
    TestJndi.bind(NAME, dataSource);

    try (Database database = Database.fromJndi(NAME)) {
      assertThat(database.describe()).isEqualTo("JNDI " + NAME);
    }

    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet versions = statement.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"")) {
      versions.next();
      assertThat(versions.getInt(1)).as("every migration applied, and the data source still usable after close")
          .isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void nothingBoundIsAnErrorNamingTheParameter() {
    TestJndi.bind("java:other", new JdbcDataSource());

    assertThatThrownBy(() -> Database.fromJndi(NAME))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("db_jndi_name=" + NAME).hasMessageContaining("no data source found");
  }

  @Test
  void somethingElseThanADataSourceIsRefused() {
    TestJndi.bind(NAME, "not a pool");

    assertThatThrownBy(() -> Database.fromJndi(NAME))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("java.lang.String").hasMessageContaining("not a javax.sql.DataSource");
  }
}
