package org.presenceagent.jmx;

import java.util.Map;

/**
 * {@code org.presenceagent:type=Settings,name=<jmx_name>}: every parameter's effective value,
 * secrets masked, and the ones that may change while the server runs (ignore_408_on_notify and the
 * expiry limits). The others are read once when the services are built, so a change takes a restart.
 * A setter refuses a value that breaks the limits' consistency (e.g. a minimum above a maximum).
 */
public interface SettingsMXBean {

  /** Value by parameter name, shown as a table. */
  Map<String, String> getParameters();

  /** The seed's {@code ignore_408_on_notify}: whether a NOTIFY answered 408 keeps its subscription. */
  boolean isIgnore408OnNotify();

  /** Changes {@code ignore_408_on_notify} at once (the next NOTIFY answer sees it). */
  void setIgnore408OnNotify(boolean ignore);

  /** {@code min_expires}: shorter non-zero expiries get 423; the next request sees a change. */
  long getMinExpires();

  void setMinExpires(long seconds);

  /** {@code default_expires}: granted when a request names no expiry. */
  long getDefaultExpires();

  void setDefaultExpires(long seconds);

  /** {@code max_subscription_expiration}: the longest subscription granted. */
  long getMaxSubscriptionExpiration();

  void setMaxSubscriptionExpiration(long seconds);

  /** {@code max_publish_expiration}: the longest publication granted. */
  long getMaxPublishExpiration();

  void setMaxPublishExpiration(long seconds);

  /** {@code max_registration_expiration}: the longest registration binding granted. */
  long getMaxRegistrationExpiration();

  void setMaxRegistrationExpiration(long seconds);
}
