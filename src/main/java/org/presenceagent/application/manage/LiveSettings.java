package org.presenceagent.application.manage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The settings an operator may change while the server runs: those read afresh at each use, so a
 * change needs no service rebuilt and cannot leave a half-applied state. Today that is the seed's
 * {@code ignore_408_on_notify}, asked at each NOTIFY answer. The others are read once when the
 * services are built (expiry policies, authorization, event packages) and need a restart.
 */
public final class LiveSettings {

  /** The seed's parameter: whether a NOTIFY answered 408 keeps its subscription. */
  public static final String IGNORE_408_ON_NOTIFY = "ignore_408_on_notify";

  /** The names that may change at run time. */
  public static final List<String> NAMES = List.of(IGNORE_408_ON_NOTIFY);

  private final AtomicBoolean ignore408OnNotify;

  public LiveSettings(boolean ignore408OnNotify) {
    this.ignore408OnNotify = new AtomicBoolean(ignore408OnNotify);
  }

  public boolean ignore408OnNotify() {
    return ignore408OnNotify.get();
  }

  public void ignore408OnNotify(boolean value) {
    ignore408OnNotify.set(value);
  }

  /** The current values by parameter name, written as in {@code sip.xml}. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(IGNORE_408_ON_NOTIFY, ignore408OnNotify() ? "1" : "0");
    return values;
  }

  /**
   * Applies changes, all or none.
   *
   * @param changes new value by parameter name
   * @throws IllegalArgumentException naming a parameter that cannot change at run time, or a bad
   *     value, before anything is changed
   */
  public void change(Map<String, String> changes) {
    Map<String, Boolean> parsed = new LinkedHashMap<>();
    changes.forEach((name, value) -> {
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("parameter '" + name + "' cannot change at run time (change sip.xml or"
            + " --param and restart); parameters that can: " + String.join(", ", NAMES));
      }
      parsed.put(name, flag(name, value));
    });
    parsed.forEach((name, value) -> ignore408OnNotify(value));
  }

  private static boolean flag(String name, String value) {
    return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes", "on" -> true;
      case "0", "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("invalid value " + name + "=" + value + ": must be 1 or 0");
    };
  }
}
