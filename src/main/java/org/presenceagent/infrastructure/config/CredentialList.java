package org.presenceagent.infrastructure.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a parameter holding {@code user:password} entries separated by commas (xcap_credentials,
 * register_credentials, admin_credentials). The password is everything after the first colon, so
 * it may contain colons itself. Errors name the parameter and the user, never the value: it holds
 * passwords.
 */
final class CredentialList {

  private CredentialList() {}

  /** {@code user:password,...}: any non-empty user name. */
  static Map<String, String> ofUsers(Parameter parameter, String value) {
    return parse(parameter, value, false);
  }

  /** {@code user@host:password,...}: the user is an address of record without scheme. */
  static Map<String, String> ofAddresses(Parameter parameter, String value) {
    return parse(parameter, value, true);
  }

  private static Map<String, String> parse(Parameter parameter, String value, boolean addresses) {
    Map<String, String> credentials = new LinkedHashMap<>();
    if (value.isEmpty()) {
      return credentials;
    }
    for (String entry : value.split(",")) {
      String trimmed = entry.trim();
      int colon = trimmed.indexOf(':');
      String user = colon < 0 ? trimmed : trimmed.substring(0, colon);
      boolean valid = colon > 0 && colon < trimmed.length() - 1
          && (!addresses || user.indexOf('@') > 0 && !user.endsWith("@"))
          && credentials.put(user, trimmed.substring(colon + 1)) == null;
      if (!valid) {
        throw new InvalidSettingException("invalid parameter " + parameter.key() + ": entry for '" + user
            + "' must be " + (addresses ? "user@host" : "user") + ":password (non-empty password, each user once)");
      }
    }
    return credentials;
  }
}
