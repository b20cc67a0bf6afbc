package org.presenceagent.jmx;

import java.util.Map;
import org.presenceagent.application.manage.LiveSettings;
import org.presenceagent.application.manage.ManagementService;

/** The settings MBean over the management service. */
final class SettingsView implements SettingsMXBean {

  private final ManagementService management;

  SettingsView(ManagementService management) {
    this.management = management;
  }

  @Override
  public Map<String, String> getParameters() {
    return management.settings();
  }

  @Override
  public boolean isIgnore408OnNotify() {
    return "1".equals(management.settings().get(LiveSettings.IGNORE_408_ON_NOTIFY));
  }

  @Override
  public void setIgnore408OnNotify(boolean ignore) {
    management.changeSettings(Map.of(LiveSettings.IGNORE_408_ON_NOTIFY, ignore ? "1" : "0"));
  }
}
