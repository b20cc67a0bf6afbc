package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The WAR built by the package phase is what wildfly-config/README.md deploys: the application with
 * its descriptors (JBoss's deployment structure too), without the standalone launcher or the
 * container stub, which belong to the standalone jar.
 */
class WarPackagingIT {

  private static final Path WAR = Path.of("target/presence-agent.war");

  @Test
  void theWarHoldsTheApplicationAndNotTheLauncher() throws Exception {
    try (ZipFile war = new ZipFile(WAR.toFile())) {
      List<String> names = war.stream().map(ZipEntry::getName).toList();

      assertThat(names).contains(
          "WEB-INF/sip.xml",
          "WEB-INF/web.xml",
          "WEB-INF/jboss-deployment-structure.xml",
          "WEB-INF/classes/META-INF/persistence.xml",
          "WEB-INF/classes/org/presenceagent/bootstrap/PresenceAgentBootstrap.class",
          "WEB-INF/classes/org/presenceagent/infrastructure/persistence/Database.class");
      assertThat(names).noneMatch(name -> name.startsWith("WEB-INF/classes/org/presenceagent/standalone/"));
      assertThat(names).noneMatch(name -> name.startsWith("WEB-INF/classes/org/restcomm/"));
    }
  }
}
