package org.presenceagent.infrastructure.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.presenceagent.application.identity.Subscriber;
import org.presenceagent.domain.shared.Aor;

/**
 * A credentials file in the format of Apache's {@code htdigest} (as Kamailio's and other servers'
 * tools write it): one {@code user:realm:HA1} line per user, HA1 being
 * {@code MD5(user:realm:password)} in hex (32 digits), so the file holds no password. A line with
 * 64 digits holds the SHA-256 HA1 (RFC 8760) of the same user; a user may have both. The user is
 * {@code user@domain}, or a user part in the given default domain. Blank lines and lines starting
 * with {@code #} are ignored, and so are users of other realms.
 */
public final class HtdigestFile {

  private static final Pattern HA1 = Pattern.compile("[0-9a-fA-F]{32}|[0-9a-fA-F]{64}");

  private HtdigestFile() {}

  /**
   * The file's subscribers of {@code realm}.
   *
   * @param parameter the parameter naming the file (for error messages)
   * @throws InvalidSettingException naming the parameter and the line that is wrong
   */
  public static List<Subscriber> read(Path file, String realm, String defaultDomain, Parameter parameter) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidSettingException("invalid parameter " + parameter.key() + "=" + file + ": " + e.getMessage());
    }
    Map<Aor, Subscriber> subscribers = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int first = line.indexOf(':');
      int last = line.lastIndexOf(':');
      String hash = line.substring(last + 1).toLowerCase(Locale.ROOT);
      if (first <= 0 || last == first || !HA1.matcher(hash).matches()) {
        throw invalid(file, parameter, i, "must be user:realm:HA1 with HA1 32 (MD5) or 64 (SHA-256) hex digits");
      }
      if (!line.substring(first + 1, last).equals(realm)) {
        continue;
      }
      String user = line.substring(0, first);
      Aor aor;
      try {
        int at = user.lastIndexOf('@');
        aor = at < 0 ? Aor.of(user, defaultDomain) : Aor.of(user.substring(0, at), user.substring(at + 1));
      } catch (IllegalArgumentException e) {
        throw invalid(file, parameter, i, "the user must be user or user@domain");
      }
      boolean sha256 = hash.length() == 64;
      boolean userPart = user.indexOf('@') < 0;
      Subscriber known = subscribers.getOrDefault(aor, new Subscriber(aor, realm, Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.empty(), true));
      Optional<String> previous = sha256 ? (userPart ? known.sha256() : known.sha256b()) : (userPart ? known.md5() : known.md5b());
      if (previous.isPresent()) {
        throw invalid(file, parameter, i, "repeats a user of realm " + realm);
      }
      Optional<String> h = Optional.of(hash);
      subscribers.put(aor, new Subscriber(aor, realm,
          !sha256 && userPart ? h : known.md5(), !sha256 && !userPart ? h : known.md5b(),
          sha256 && userPart ? h : known.sha256(), sha256 && !userPart ? h : known.sha256b(), true));
    }
    return List.copyOf(subscribers.values());
  }

  private static InvalidSettingException invalid(Path file, Parameter parameter, int index, String why) {
    return new InvalidSettingException("invalid parameter " + parameter.key() + "=" + file + ": line " + (index + 1)
        + " " + why);
  }
}
