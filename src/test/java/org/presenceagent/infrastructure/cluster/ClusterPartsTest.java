package org.presenceagent.infrastructure.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.port.Notification;
import org.presenceagent.application.port.NotifySender;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.NotifyRate;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionState;
import org.presenceagent.infrastructure.config.PresenceSettings;
import org.presenceagent.infrastructure.persistence.DurableWrite;
import org.presenceagent.infrastructure.persistence.SubscriptionStore;
import org.presenceagent.testing.MutableClock;

/** The parts of cluster mode that need no database: the lease guard, the change test, the single node. */
class ClusterPartsTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private final MutableClock clock = new MutableClock();

  @Test
  void aNotifyGoesOutOnlyWhileTheLeaseIsHeld() {
    List<Notification> sent = new ArrayList<>();
    AtomicReference<Optional<NodeFence>> fence = new AtomicReference<>(Optional.of(new NodeFence("node-a", 3)));
    NotifySender guarded = new LeaseGuardedNotifySender(sent::add, fence::get);

    guarded.send(notification(7));
    fence.set(Optional.empty()); // the local deadline passed
    guarded.send(notification(8));

    assertThat(sent).extracting(Notification::cseq).containsExactly(7L);
  }

  @Test
  void aRefreshElsewhereChangesNoDocumentButAModificationARemovalAndANewPublicationDo() {
    Publication desk = publication("desk");
    Publication mobile = publication("mobile");
    Publication refreshedDesk = desk.refreshed(Duration.ofSeconds(900), clock, desk.origin());

    assertThat(RemoteChanges.documentsChanged(List.of(desk, mobile), List.of(refreshedDesk, mobile))).isFalse();
    assertThat(RemoteChanges.documentsChanged(List.of(desk), List.of(publication("desk, modified")))).isTrue();
    assertThat(RemoteChanges.documentsChanged(List.of(desk, mobile), List.of(mobile))).isTrue();
    assertThat(RemoteChanges.documentsChanged(List.of(), List.of(desk))).isTrue();
    assertThat(RemoteChanges.documentsChanged(List.of(desk, mobile), List.of(mobile, desk))).as("composition order").isTrue();
  }

  @Test
  void aSingleNodeGetsEveryPartUnchangedAndNoChangeWrite() {
    ClusterMode single = ClusterMode.of(PresenceSettings.defaults());
    NotifySender sender = notification -> { };
    NotifyService.CseqReservations reservations = NotifyService.CseqReservations.NONE;

    assertThat(single.notifySender(sender)).isSameAs(sender);
    assertThat(single.subscriptionStore(SubscriptionStore.NONE)).isSameAs(SubscriptionStore.NONE);
    assertThat(single.cseqReservations(reservations)).isSameAs(reservations);
    assertThat(single.changeWrites().changed(ALICE, "presence")).isSameAs(DurableWrite.NOTHING);
  }

  private Publication publication(String text) {
    byte[] bytes = text.getBytes(UTF_8);
    clock.advanceSeconds(1);
    return Publication.initial(ALICE, "presence", new PresenceDocument() {
      @Override
      public String contentType() {
        return "application/pidf+xml";
      }

      @Override
      public byte[] bytes() {
        return bytes.clone();
      }
    }, Duration.ofSeconds(600), clock);
  }

  private static Notification notification(long cseq) {
    return new Notification(new SubscriptionKey("call", "tag", "presence", ""), ALICE, Aor.parse("sip:bob@example.com"),
        new DialogState("call", "ours", "tag", "sip:bob@192.0.2.1", List.of(), 1, 0, "udp"), cseq,
        SubscriptionState.ACTIVE, Optional.empty(), 60, Optional.empty(), NotifyRate.NONE);
  }
}
