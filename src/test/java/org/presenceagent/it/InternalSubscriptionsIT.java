package org.presenceagent.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.presenceagent.application.internal.InternalSubscription;
import org.presenceagent.application.internal.InternalSubscriptions;
import org.presenceagent.application.internal.PresenceUpdate;
import org.presenceagent.bootstrap.PresenceAgentBootstrap;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.domain.subscription.TerminationReason;

/**
 * accept_internal_subscriptions=1: a component in the server's JVM finds the API in the servlet
 * context and receives, without SIP, the documents phones PUBLISH over SIP.
 */
class InternalSubscriptionsIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "none")
      .param("accept_internal_subscriptions", "1");

  private static PresenceUpdate next(BlockingQueue<PresenceUpdate> updates) throws InterruptedException {
    PresenceUpdate update = updates.poll(Notifies.WAIT_MILLIS, TimeUnit.MILLISECONDS);
    assertThat(update).as("an update within %d ms", Notifies.WAIT_MILLIS).isNotNull();
    return update;
  }

  private static String document(PresenceUpdate update) {
    return new String(update.document().orElseThrow().bytes(), UTF_8);
  }

  @Test
  void aPublishOverSipReachesAnInternalSubscriber() throws Exception {
    String alice = TestAors.unique("alice");
    InternalSubscriptions presence = (InternalSubscriptions)
        SERVER.applicationAttribute(PresenceAgentBootstrap.INTERNAL_SUBSCRIPTIONS_ATTRIBUTE);
    BlockingQueue<PresenceUpdate> updates = new LinkedBlockingQueue<>();

    InternalSubscription subscription =
        presence.subscribe(Aor.parse(alice), Aor.parse("sip:rls@example.com"), updates::add);
    PresenceUpdate first = next(updates);
    assertThat(first.state()).isEqualTo(SubscriptionState.ACTIVE);
    assertThat(document(first)).contains("<basic>closed</basic>");

    try (SipTestClient phone = new SipTestClient("udp", SERVER.sipPort())) {
      Publisher publisher = new Publisher(phone);
      String etag = Publisher.etag(publisher.publish(alice, 600, null, Pidf.open(alice, "desk", "Reached internally")));

      PresenceUpdate published = next(updates);
      assertThat(published.state()).isEqualTo(SubscriptionState.ACTIVE);
      assertThat(document(published)).contains("Reached internally").contains("<basic>open</basic>");

      assertThat(publisher.publish(alice, 0, etag, null).getStatusCode()).isEqualTo(200);
      assertThat(document(next(updates))).contains("<basic>closed</basic>").doesNotContain("Reached internally");
    }

    subscription.cancel();
    PresenceUpdate last = next(updates);
    assertThat(last.state()).isEqualTo(SubscriptionState.TERMINATED);
    assertThat(last.reason()).contains(TerminationReason.TIMEOUT);
  }
}
