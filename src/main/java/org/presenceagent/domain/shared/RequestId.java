package org.presenceagent.domain.shared;

import java.util.Objects;

/**
 * Names the SIP request that produced a piece of state: its Call-ID and CSeq number. A client
 * retransmits a request unchanged (RFC 3261 section 17.1), so a request carrying the identity of
 * stored state is a retransmission of the request that stored it. The transaction layer absorbs
 * retransmissions while the server runs; this identity is what recognises them after a crash,
 * when the state was committed but the response never left (so the answer can be repeated instead
 * of the change being applied twice).
 *
 * @param callId the Call-ID header
 * @param cseq the CSeq number
 */
public record RequestId(String callId, long cseq) {

  /** The identity of state that no SIP request produced (e.g. restored from an older schema). */
  public static final RequestId NONE = new RequestId("", -1);

  public RequestId {
    Objects.requireNonNull(callId, "callId");
  }

  public boolean isNone() {
    return equals(NONE);
  }

  /** The stored form, {@code <cseq> <call-id>}; {@code null} for {@link #NONE}. */
  public String encode() {
    return isNone() ? null : cseq + " " + callId;
  }

  /** Reads {@link #encode()}'s form; {@code null} or an unreadable value gives {@link #NONE}. */
  public static RequestId decode(String stored) {
    if (stored == null) {
      return NONE;
    }
    int space = stored.indexOf(' ');
    if (space <= 0) {
      return NONE;
    }
    try {
      return new RequestId(stored.substring(space + 1), Long.parseLong(stored.substring(0, space)));
    } catch (NumberFormatException e) {
      return NONE;
    }
  }
}
