package org.presenceagent.infrastructure.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A credentials file in the format of Apache's {@code htdigest} (as Kamailio's and other servers'
 * tools write it): one {@code user:realm:HA1} line per user, HA1 being
 * {@code MD5(user:realm:password)} in hex, so the file holds no password. Blank lines and lines
 * starting with {@code #} are ignored, and so are users of other realms.
 */
public final class HtdigestFile {

  private static final Pattern HA1 = Pattern.compile("[0-9a-fA-F]{32}");

  private HtdigestFile() {}

  /**
   * Each user's HA1 (lower-case hex) for {@code realm}.
   *
   * @throws InvalidSettingException naming register_credentials_file and the line that is wrong
   */
  public static Map<String, String> read(Path file, String realm) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidSettingException("invalid parameter register_credentials_file=" + file + ": " + e.getMessage());
    }
    Map<String, String> ha1ByUser = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int first = line.indexOf(':');
      int last = line.lastIndexOf(':');
      String hash = line.substring(last + 1);
      if (first <= 0 || last == first || !HA1.matcher(hash).matches()) {
        throw new InvalidSettingException("invalid parameter register_credentials_file=" + file + ": line " + (i + 1)
            + " must be user:realm:HA1 with HA1 32 hex digits");
      }
      if (line.substring(first + 1, last).equals(realm)
          && ha1ByUser.put(line.substring(0, first), hash.toLowerCase(Locale.ROOT)) != null) {
        throw new InvalidSettingException("invalid parameter register_credentials_file=" + file + ": line " + (i + 1)
            + " repeats a user of realm " + realm);
      }
    }
    return ha1ByUser;
  }
}
