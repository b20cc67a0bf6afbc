package org.presenceagent.testing;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.presenceagent.application.publish.PublishCommand;
import org.presenceagent.application.subscribe.SubscribeCommand;
import org.presenceagent.domain.event.MediaRange;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.SubscriptionKey;

/** Builders for the commands the SIP layer would parse out of requests. */
public final class Commands {

  public static final Aor ALICE = Aor.parse("sip:alice@example.com");
  public static final Aor BOB = Aor.parse("sip:bob@example.com");
  public static final Aor CAROL = Aor.parse("sip:carol@example.com");

  private Commands() {}

  public static SubscriptionKey key(String callId) {
    return new SubscriptionKey(callId, "watcher-tag", "presence", "");
  }

  public static DialogState dialog(String callId, long remoteCseq, String remoteTarget) {
    return new DialogState(callId, null, "watcher-tag", remoteTarget, List.of(), remoteCseq, 0, "udp");
  }

  /** An initial SUBSCRIBE from {@code watcher} to {@code presentity}. */
  public static SubscribeCommand subscribe(String callId, Aor watcher, Aor presentity, OptionalLong expires) {
    return new SubscribeCommand(key(callId), presentity, watcher, expires, false,
        dialog(callId, 1, "sip:" + watcher.user() + "@192.0.2.1:5060"));
  }

  /** An initial SUBSCRIBE with Accept headers holding {@code accept}. */
  public static SubscribeCommand subscribeAccepting(
      String callId, Aor watcher, Aor presentity, long expires, List<MediaRange> accept) {
    SubscribeCommand plain = subscribe(callId, watcher, presentity, expires);
    return new SubscribeCommand(plain.key(), presentity, watcher, plain.requestedExpires(), false, plain.dialog(),
        Optional.of(accept), Optional.empty());
  }

  public static SubscribeCommand subscribe(String callId, Aor watcher, Aor presentity, long expires) {
    return subscribe(callId, watcher, presentity, OptionalLong.of(expires));
  }

  /** An initial SUBSCRIBE to {@code presence.winfo} (RFC 3857). */
  public static SubscribeCommand subscribeWinfo(String callId, Aor watcher, Aor presentity, long expires) {
    return new SubscribeCommand(new SubscriptionKey(callId, "watcher-tag", "presence.winfo", ""), presentity, watcher,
        OptionalLong.of(expires), false, dialog(callId, 1, "sip:" + watcher.user() + "@192.0.2.1:5060"));
  }

  /** A SUBSCRIBE in the dialog of {@code callId} (refresh, or un-subscribe with 0). */
  public static SubscribeCommand resubscribe(
      String callId, Aor watcher, Aor presentity, long expires, long cseq, String remoteTarget) {
    return new SubscribeCommand(key(callId), presentity, watcher, OptionalLong.of(expires), true,
        dialog(callId, cseq, remoteTarget));
  }

  public static PublishCommand initialPublish(Aor presentity, byte[] pidf, long expires) {
    return new PublishCommand(presentity, "presence", OptionalLong.of(expires), Optional.empty(),
        Optional.of(new PublishCommand.Body(Pidf.CONTENT_TYPE, pidf)));
  }

  public static PublishCommand modify(Aor presentity, ETag etag, byte[] pidf, long expires) {
    return new PublishCommand(presentity, "presence", OptionalLong.of(expires), Optional.of(etag),
        Optional.of(new PublishCommand.Body(Pidf.CONTENT_TYPE, pidf)));
  }

  /** A refresh ({@code expires} > 0) or removal ({@code expires} = 0): If-Match, no body. */
  public static PublishCommand withoutBody(Aor presentity, ETag etag, long expires) {
    return new PublishCommand(presentity, "presence", OptionalLong.of(expires), Optional.of(etag), Optional.empty());
  }
}
