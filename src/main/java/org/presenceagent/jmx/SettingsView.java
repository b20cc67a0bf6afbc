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

  @Override
  public long getMinExpires() {
    return seconds(LiveSettings.MIN_EXPIRES);
  }

  @Override
  public void setMinExpires(long seconds) {
    change(LiveSettings.MIN_EXPIRES, seconds);
  }

  @Override
  public long getDefaultExpires() {
    return seconds(LiveSettings.DEFAULT_EXPIRES);
  }

  @Override
  public void setDefaultExpires(long seconds) {
    change(LiveSettings.DEFAULT_EXPIRES, seconds);
  }

  @Override
  public long getMaxSubscriptionExpiration() {
    return seconds(LiveSettings.MAX_SUBSCRIPTION_EXPIRATION);
  }

  @Override
  public void setMaxSubscriptionExpiration(long seconds) {
    change(LiveSettings.MAX_SUBSCRIPTION_EXPIRATION, seconds);
  }

  @Override
  public long getMaxPublishExpiration() {
    return seconds(LiveSettings.MAX_PUBLISH_EXPIRATION);
  }

  @Override
  public void setMaxPublishExpiration(long seconds) {
    change(LiveSettings.MAX_PUBLISH_EXPIRATION, seconds);
  }

  @Override
  public long getMaxRegistrationExpiration() {
    return seconds(LiveSettings.MAX_REGISTRATION_EXPIRATION);
  }

  @Override
  public void setMaxRegistrationExpiration(long seconds) {
    change(LiveSettings.MAX_REGISTRATION_EXPIRATION, seconds);
  }

  private void change(String name, long seconds) {
    management.changeSettings(Map.of(name, Long.toString(seconds)));
  }

  private long seconds(String name) {
    return Long.parseLong(management.settings().get(name));
  }
}
