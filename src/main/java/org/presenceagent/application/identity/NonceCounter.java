package org.presenceagent.application.identity;

/**
 * Remembers, per nonce, the highest nonce count ({@code nc}, RFC 7616 section 3.4) a verified
 * request used, so that the same count is never accepted twice: a replayed Authorization gets a new
 * challenge. Only requests whose digest response was right are counted, so an attacker cannot fill
 * the store without credentials. A bounded implementation forgets the oldest nonces; a forgotten
 * nonce is then {@link Use#UNKNOWN} and its client is asked for a new one ({@code stale=true}).
 */
public interface NonceCounter {

  /** What a count means for its nonce. */
  enum Use {
    /** Higher than every count seen with this nonce (or the first one, 1): accepted and recorded. */
    NEW,
    /** Not higher than a count seen before: a replay. */
    REPLAYED,
    /** A count above 1 for a nonce not (or no longer) remembered: the client should take a new nonce. */
    UNKNOWN
  }

  /**
   * Records a use of a nonce.
   *
   * @param nonceCount the {@code nc} value, 1 or more
   */
  Use use(String nonce, long nonceCount);
}
