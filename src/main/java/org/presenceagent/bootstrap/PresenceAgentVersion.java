package org.presenceagent.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, from {@code presence-agent-version.properties} (filtered by Maven). */
public final class PresenceAgentVersion {

  private PresenceAgentVersion() {}

  /** The version, or {@code unknown} when the build did not record one. */
  public static String read() {
    try (InputStream in = PresenceAgentVersion.class.getResourceAsStream("/presence-agent-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
