package org.presenceagent.application.manage;

import java.util.List;

/**
 * A subscriber as the management front ends show it: never a hash, only which forms are known.
 *
 * @param aor {@code sip:user@domain}
 * @param realm the digest realm of its hashes
 * @param algorithms the digest algorithms it can answer (MD5, SHA-256)
 * @param source {@code configured} (parameter or file, read-only) or {@code stored} (database table)
 */
public record SubscriberView(String aor, String realm, List<String> algorithms, String source) {

  public SubscriberView {
    algorithms = List.copyOf(algorithms);
  }
}
