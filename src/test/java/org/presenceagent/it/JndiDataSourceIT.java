package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.presenceagent.testing.TestJndi;

/**
 * db_jndi_name, as on WildFly (wildfly-config/): the application finds the container's data source
 * in JNDI instead of opening its own pool, migrates it, and writes its state there. The data source
 * is bound through the standard JNDI SPI before the container starts, as a container's naming
 * service binds its datasources.
 */
class JndiDataSourceIT {

  private static final String JNDI_NAME = "java:jboss/datasources/PresenceAgentDS";
  private static final JdbcDataSource DATA_SOURCE = new JdbcDataSource();

  static {
    DATA_SOURCE.setURL("jdbc:h2:mem:jndi-it;DB_CLOSE_DELAY=-1");
    TestJndi.bind(JNDI_NAME, DATA_SOURCE);
  }

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "none")
      .param("db_jndi_name", JNDI_NAME);

  @AfterAll
  static void unbind() {
    TestJndi.reset();
  }

  @Test
  void aPublicationIsStoredInTheContainersDataSource() throws Exception {
    String alice = TestAors.unique("alice");
    try (SipTestClient phone = new SipTestClient("udp", SERVER.sipPort())) {
      assertThat(new Publisher(phone).publish(alice, 600, null, Pidf.open(alice, "desk", "in jndi")).getStatusCode())
          .isEqualTo(200);
    }

    try (Connection connection = DATA_SOURCE.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM publication WHERE presentity = ?")) {
      query.setString(1, alice);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
    }
  }
}
