package org.presenceagent.application.subscribe;

import java.util.Objects;
import java.util.OptionalLong;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.SubscriptionKey;

/**
 * A parsed SUBSCRIBE request.
 *
 * @param key the subscription it names
 * @param presentity the resource subscribed to (Request-URI of an initial SUBSCRIBE)
 * @param watcher the subscriber (From URI)
 * @param requestedExpires the Expires header value, empty when absent
 * @param inDialog whether the request carries a To tag (a refresh or un-subscribe)
 * @param dialog the dialog state seen in this request (remote CSeq, target, route set, transport)
 */
public record SubscribeCommand(
    SubscriptionKey key,
    Aor presentity,
    Aor watcher,
    OptionalLong requestedExpires,
    boolean inDialog,
    DialogState dialog) {

  public SubscribeCommand {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(presentity, "presentity");
    Objects.requireNonNull(watcher, "watcher");
    Objects.requireNonNull(requestedExpires, "requestedExpires");
    Objects.requireNonNull(dialog, "dialog");
  }
}
