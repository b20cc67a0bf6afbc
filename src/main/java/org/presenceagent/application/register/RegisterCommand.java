package org.presenceagent.application.register;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.presenceagent.domain.shared.Aor;

/**
 * A parsed REGISTER (RFC 3261 section 10.2).
 *
 * @param aor the address of record (To URI)
 * @param callId the Call-ID
 * @param cseq the CSeq number
 * @param expiresHeader the Expires header, empty when absent
 * @param wildcard whether the Contact is {@code *} (remove all bindings)
 * @param contacts the contacts to bind; empty with no wildcard means a query
 */
public record RegisterCommand(
    Aor aor, String callId, long cseq, OptionalLong expiresHeader, boolean wildcard, List<ContactSpec> contacts) {

  public RegisterCommand {
    Objects.requireNonNull(aor, "aor");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(expiresHeader, "expiresHeader");
    contacts = List.copyOf(contacts);
  }
}
