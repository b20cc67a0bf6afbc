package org.presenceagent.jmx;

import java.util.Map;

/**
 * {@code org.presenceagent:type=Settings,name=<jmx_name>}: every parameter's effective value,
 * secrets masked. Read-only: each setting is read once when the services are built, so a change
 * takes a restart (a live change would have to reach every service holding it).
 */
public interface SettingsMXBean {

  /** Value by parameter name, shown as a table. */
  Map<String, String> getParameters();
}
