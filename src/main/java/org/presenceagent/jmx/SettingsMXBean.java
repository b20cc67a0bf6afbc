package org.presenceagent.jmx;

import java.util.Map;

/**
 * {@code org.presenceagent:type=Settings,name=<jmx_name>}: every parameter's effective value,
 * secrets masked, and the one that may change while the server runs. The others are read once
 * when the services are built, so a change takes a restart.
 */
public interface SettingsMXBean {

  /** Value by parameter name, shown as a table. */
  Map<String, String> getParameters();

  /** The seed's {@code ignore_408_on_notify}: whether a NOTIFY answered 408 keeps its subscription. */
  boolean isIgnore408OnNotify();

  /** Changes {@code ignore_408_on_notify} at once (the next NOTIFY answer sees it). */
  void setIgnore408OnNotify(boolean ignore);
}
