package org.presenceagent.application.register;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One Contact of a REGISTER.
 *
 * @param uri the contact URI
 * @param expires its {@code expires} parameter, empty when absent
 * @param q its {@code q} parameter, empty when absent
 * @param instanceId its {@code +sip.instance} parameter (RFC 5626), empty when absent
 */
public record ContactSpec(String uri, OptionalLong expires, Optional<Double> q, Optional<String> instanceId) {

  public ContactSpec {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(q, "q");
    Objects.requireNonNull(instanceId, "instanceId");
  }
}
