package org.presenceagent.jmx;

import java.util.Map;

/** The settings MBean over the map the management service holds. */
final class ReadOnlySettings implements SettingsMXBean {

  private final Map<String, String> parameters;

  ReadOnlySettings(Map<String, String> parameters) {
    this.parameters = parameters;
  }

  @Override
  public Map<String, String> getParameters() {
    return parameters;
  }
}
