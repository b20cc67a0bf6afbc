package org.presenceagent.application.subscribe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.presenceagent.domain.event.MediaRange;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.NotifyRate;
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
 * @param accept the ranges of all Accept headers in order, empty when the request has none (RFC
 *     3261 section 20.1 tells an absent header from an empty one)
 * @param watcherDisplayName the display name of the From header, empty when it has none (shown in
 *     watcher information, RFC 3858 section 4.4)
 * @param rate the notification rate control of the Event header (RFC 6446), {@link NotifyRate#NONE}
 *     when it has none
 */
public record SubscribeCommand(
    SubscriptionKey key,
    Aor presentity,
    Aor watcher,
    OptionalLong requestedExpires,
    boolean inDialog,
    DialogState dialog,
    Optional<List<MediaRange>> accept,
    Optional<String> watcherDisplayName,
    NotifyRate rate) {

  public SubscribeCommand {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(presentity, "presentity");
    Objects.requireNonNull(watcher, "watcher");
    Objects.requireNonNull(requestedExpires, "requestedExpires");
    Objects.requireNonNull(dialog, "dialog");
    accept = Objects.requireNonNull(accept, "accept").map(List::copyOf);
    Objects.requireNonNull(watcherDisplayName, "watcherDisplayName");
  }

  /** The same request from the identity the SIP layer proved (a trusted proxy's asserted one, say). */
  public SubscribeCommand fromWatcher(Aor provenWatcher) {
    return provenWatcher.equals(watcher) ? this
        : new SubscribeCommand(key, presentity, provenWatcher, requestedExpires, inDialog, dialog, accept,
            watcherDisplayName, rate);
  }

  /** A SUBSCRIBE without Accept header and without display name. */
  public SubscribeCommand(
      SubscriptionKey key, Aor presentity, Aor watcher, OptionalLong requestedExpires, boolean inDialog, DialogState dialog) {
    this(key, presentity, watcher, requestedExpires, inDialog, dialog, Optional.empty(), Optional.empty(), NotifyRate.NONE);
  }

  /** A SUBSCRIBE without rate control. */
  public SubscribeCommand(
      SubscriptionKey key,
      Aor presentity,
      Aor watcher,
      OptionalLong requestedExpires,
      boolean inDialog,
      DialogState dialog,
      Optional<List<MediaRange>> accept,
      Optional<String> watcherDisplayName) {
    this(key, presentity, watcher, requestedExpires, inDialog, dialog, accept, watcherDisplayName, NotifyRate.NONE);
  }
}
