package org.presenceagent.application.message;

import org.presenceagent.domain.shared.Aor;

/**
 * Whether a recipient accepts messages from a sender (the seed's {@code authorize_message}: the
 * recipient's im-rules; no rules document means allowed).
 */
@FunctionalInterface
public interface MessageAuthorization {

  boolean allows(Aor sender, Aor recipient);
}
