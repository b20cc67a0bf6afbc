package org.presenceagent.domain.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.presenceagent.domain.shared.Aor;

/**
 * One contact bound to an address of record (RFC 3261 section 10.3). Immutable: a refresh gives a
 * new binding with the request's contact URI, Call-ID, CSeq and expiry.
 *
 * @param aor the address of record
 * @param contact the contact URI, without display name or header parameters
 * @param q the preference (RFC 3261 section 20.10), empty when the contact has none
 * @param instanceId the {@code +sip.instance} value (RFC 5626), empty when absent
 * @param callId the Call-ID of the REGISTER that made or last refreshed the binding
 * @param cseq its CSeq number
 * @param registeredAt when the binding was first made
 * @param expiresAt when it expires unless refreshed
 */
public record Binding(
    Aor aor,
    String contact,
    Optional<Double> q,
    Optional<String> instanceId,
    String callId,
    long cseq,
    Instant registeredAt,
    Instant expiresAt) {

  public Binding {
    Objects.requireNonNull(aor, "aor");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(q, "q");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(registeredAt, "registeredAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    q.ifPresent(value -> {
      if (value < 0 || value > 1) {
        throw new IllegalArgumentException("q must be between 0 and 1: " + value);
      }
    });
  }

  /** A new binding. */
  public static Binding create(
      Aor aor, String contact, Optional<Double> q, Optional<String> instanceId, String callId, long cseq,
      Duration granted, Clock clock) {
    Instant now = clock.instant();
    return new Binding(aor, contact, q, instanceId, callId, cseq, now, now.plus(granted));
  }

  /**
   * The binding refreshed by a later REGISTER. A binding with a {@code +sip.instance} is the
   * device's, so the refresh may move it to another contact URI (a phone that learnt its public
   * address from {@code rport}, or moved networks; RFC 5626 section 4.1) and the binding then
   * points there: the 200 must list the contact the phone registered (RFC 3261 section 10.3
   * step 8), and watchers see where it can be reached now.
   */
  public Binding refreshed(String newContact, Optional<Double> newQ, String newCallId, long newCseq, Duration granted,
      Clock clock) {
    return new Binding(aor, newContact, newQ, instanceId, newCallId, newCseq, registeredAt, clock.instant().plus(granted));
  }

  /**
   * Whether a REGISTER with this Call-ID and CSeq may change the binding: RFC 3261 section 10.3
   * step 7 aborts an update from the same Call-ID whose CSeq is not higher.
   */
  public boolean acceptsUpdateFrom(String requestCallId, long requestCseq) {
    return !requestCallId.equals(callId) || requestCseq > cseq;
  }

  public boolean isExpired(Clock clock) {
    return !clock.instant().isBefore(expiresAt);
  }

  /**
   * Seconds left, rounded up so that the 200 of the REGISTER that granted 600 s says 600, never
   * negative (the {@code expires} of the 200's Contact).
   */
  public long remainingSeconds(Clock clock) {
    long millis = Duration.between(clock.instant(), expiresAt).toMillis();
    return Math.max(0, (millis + 999) / 1000);
  }

  /** The key of a binding within its address of record. */
  public String key() {
    return instanceId.orElse(contact);
  }
}
