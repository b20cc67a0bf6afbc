package org.presenceagent.infrastructure.persistence;

import org.presenceagent.testing.InMemory;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.RequestId;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.NotifyRate;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.testing.MutableClock;

class IndexedRepositoriesTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final Aor BOB = Aor.parse("sip:bob@example.com");

  private final MutableClock clock = new MutableClock();
  private final IndexedSubscriptionRepository subscriptions = new IndexedSubscriptionRepository(SubscriptionStore.NONE);
  private final IndexedPublicationRepository publications = new IndexedPublicationRepository(PublicationStore.NONE);

  private Subscription subscription(String callId, Aor presentity, String event) {
    return Subscription.create(
        new SubscriptionKey(callId, "tag", event, ""), presentity, BOB, Optional.empty(), "application/pidf+xml",
        new DialogState(callId, "ours", "tag", "sip:bob@192.0.2.1", List.of(), 1, 0, "udp"),
        true, Duration.ofSeconds(600), NotifyRate.NONE, clock);
  }

  private Publication publication(Aor presentity, String text) {
    byte[] bytes = text.getBytes(UTF_8);
    PresenceDocument document = new PresenceDocument() {
      @Override
      public String contentType() {
        return "application/pidf+xml";
      }

      @Override
      public byte[] bytes() {
        return bytes;
      }
    };
    clock.advanceSeconds(1);
    return Publication.initial(presentity, "presence", document, Duration.ofSeconds(600), clock);
  }

  /** Cluster mode: which subscription changes write a row for the winfo watchers of other nodes. */
  @Test
  void aPresenceWatchersNewStateAndRemovalAreWrittenForWinfoButNotARefresh() {
    List<String> written = new java.util.ArrayList<>();
    IndexedSubscriptionRepository clustered = new IndexedSubscriptionRepository(SubscriptionStore.NONE,
        (subscription, endEvent) -> {
          written.add(subscription.key().callId() + " " + subscription.state().token() + " " + endEvent.orElse("-"));
          return DurableWrite.NOTHING;
        });
    Subscription pending = Subscription.create(
        new SubscriptionKey("c1", "tag", "presence", ""), ALICE, BOB, Optional.empty(), "application/pidf+xml",
        new DialogState("c1", "ours", "tag", "sip:bob@192.0.2.1", List.of(), 1, 0, "udp"),
        false, Duration.ofSeconds(600), NotifyRate.NONE, clock);

    InMemory.save(clustered, pending);
    InMemory.save(clustered, pending.refreshed(Duration.ofSeconds(900), 2, "sip:bob@192.0.2.1", NotifyRate.NONE, clock));
    InMemory.save(clustered, pending.activated());
    InMemory.save(clustered, subscription("w1", ALICE, "presence.winfo"));
    InMemory.remove(clustered, pending.activated().terminated(org.presenceagent.domain.subscription.TerminationReason.REJECTED));
    InMemory.save(clustered, pending);
    InMemory.remove(clustered, pending.key());

    assertThat(written).as("a removal without a reason reads timeout (an un-SUBSCRIBE, an expiry)")
        .containsExactly("c1 pending -", "c1 active -", "c1 active rejected", "c1 pending -", "c1 pending timeout");
  }

  @Test
  void subscriptionsAreFoundByPresentityAndEvent() {
    Subscription one = subscription("c1", ALICE, "presence");
    Subscription two = subscription("c2", ALICE, "presence");
    Subscription otherPresentity = subscription("c3", BOB, "presence");
    Subscription otherEvent = subscription("c4", ALICE, "presence.winfo");
    List.of(one, two, otherPresentity, otherEvent).forEach(subscription -> InMemory.save(subscriptions, subscription));

    assertThat(subscriptions.findByPresentity(ALICE, "presence")).containsExactlyInAnyOrder(one, two);
    assertThat(subscriptions.findByPresentity(BOB, "presence")).containsExactly(otherPresentity);
    assertThat(subscriptions.findByPresentity(Aor.parse("sip:nobody@example.com"), "presence")).isEmpty();
    assertThat(subscriptions.find(one.key())).containsSame(one);
    assertThat(subscriptions.findAll()).hasSize(4);
  }

  @Test
  void subscriptionsAreFoundByWatcherAndDialogTargetAlsoAfterTheTargetChanged() {
    Subscription one = subscription("c1", ALICE, "presence");
    Subscription two = subscription("c2", ALICE, "presence");
    InMemory.save(subscriptions, one);
    InMemory.save(subscriptions, two);
    assertThat(subscriptions.findByWatcherAndTarget(ALICE, "presence", BOB, "sip:bob@192.0.2.1"))
        .containsExactlyInAnyOrder(one, two);

    Subscription moved = two.refreshed(Duration.ofSeconds(600), 2, "sip:bob@192.0.2.7", NotifyRate.NONE, clock);
    InMemory.save(subscriptions, moved);
    InMemory.remove(subscriptions, one.key());

    assertThat(subscriptions.findByWatcherAndTarget(ALICE, "presence", BOB, "sip:bob@192.0.2.1")).isEmpty();
    assertThat(subscriptions.findByWatcherAndTarget(ALICE, "presence", BOB, "sip:bob@192.0.2.7")).containsExactly(moved);
    assertThat(subscriptions.findByWatcherAndTarget(ALICE, "presence", ALICE, "sip:bob@192.0.2.7")).isEmpty();
  }

  @Test
  void savingAKnownSubscriptionAgainDoesNotDuplicateIt() {
    Subscription one = subscription("c1", ALICE, "presence");
    InMemory.save(subscriptions, one);
    InMemory.save(subscriptions, one);

    assertThat(subscriptions.findByPresentity(ALICE, "presence")).containsExactly(one);
  }

  @Test
  void removedSubscriptionsAreGoneFromBothIndexes() {
    Subscription one = subscription("c1", ALICE, "presence");
    Subscription two = subscription("c2", ALICE, "presence");
    InMemory.save(subscriptions, one);
    InMemory.save(subscriptions, two);

    InMemory.remove(subscriptions, one.key());
    InMemory.remove(subscriptions, one.key());

    assertThat(subscriptions.find(one.key())).isEmpty();
    assertThat(subscriptions.findByPresentity(ALICE, "presence")).containsExactly(two);
    InMemory.remove(subscriptions, two.key());
    assertThat(subscriptions.findByPresentity(ALICE, "presence")).isEmpty();
    assertThat(subscriptions.findAll()).isEmpty();
  }

  @Test
  void publicationsAreFoundByPresentityOldestFirst() {
    Publication first = publication(ALICE, "phone");
    Publication second = publication(ALICE, "laptop");
    Publication bobs = publication(BOB, "desk");
    List.of(first, second, bobs).forEach(publication -> InMemory.add(publications, publication));

    assertThat(publications.findByPresentity(ALICE, "presence")).containsExactly(first, second);
    assertThat(publications.findByPresentity(ALICE, "dialog")).isEmpty();
    assertThat(publications.find(bobs.etag())).contains(bobs);
  }

  @Test
  void replaceKeepsThePlaceInTheOrder() {
    Publication first = publication(ALICE, "phone");
    Publication second = publication(ALICE, "laptop");
    InMemory.add(publications, first);
    InMemory.add(publications, second);
    clock.advanceSeconds(10);

    Publication refreshed = first.refreshed(Duration.ofSeconds(600), clock, RequestId.NONE);
    InMemory.replace(publications, first.etag(), refreshed);

    assertThat(publications.findByPresentity(ALICE, "presence")).containsExactly(refreshed, second);
    assertThat(publications.find(first.etag())).isEmpty();
    assertThat(publications.find(refreshed.etag())).contains(refreshed);
    assertThat(publications.findAll()).containsExactlyInAnyOrder(refreshed, second);
  }

  @Test
  void removedPublicationsAreGoneFromBothIndexes() {
    Publication first = publication(ALICE, "phone");
    Publication second = publication(ALICE, "laptop");
    InMemory.add(publications, first);
    InMemory.add(publications, second);

    InMemory.remove(publications, first.etag());
    InMemory.remove(publications, first.etag());

    assertThat(publications.find(first.etag())).isEmpty();
    assertThat(publications.findByPresentity(ALICE, "presence")).containsExactly(second);
    InMemory.remove(publications, second.etag());
    assertThat(publications.findByPresentity(ALICE, "presence")).isEmpty();
  }

  @Test
  void theNoneStoresLoadNothing() {
    assertThat(subscriptions.load()).isEmpty();
    assertThat(publications.load()).isEmpty();
  }

  @Test
  void replacingAPresentitysPublicationsSwapsTheWholeGroupAndForgetsTheOldEntityTags() {
    Publication kept = publication(ALICE, "kept");
    Publication gone = publication(ALICE, "gone");
    Publication other = publication(BOB, "other");
    List.of(kept, gone, other).forEach(publication -> InMemory.add(publications, publication));
    Publication arrived = publication(ALICE, "arrived");

    List<Publication> before = publications.replaceAll(ALICE, "presence", List.of(kept, arrived));

    assertThat(before).containsExactly(kept, gone);
    assertThat(publications.findByPresentity(ALICE, "presence")).containsExactly(kept, arrived);
    assertThat(publications.find(gone.etag())).isEmpty();
    assertThat(publications.find(arrived.etag())).containsSame(arrived);
    assertThat(publications.findByPresentity(BOB, "presence")).containsExactly(other);

    publications.replaceAll(ALICE, "presence", List.of());
    assertThat(publications.findByPresentity(ALICE, "presence")).isEmpty();
    assertThat(publications.find(kept.etag())).isEmpty();
    assertThat(publications.presentities()).containsExactly(BOB);
  }

  @Test
  void everyStoredPublicationChangeAsksForItsChangeWriteAndReadsDoNot() {
    List<String> changed = new java.util.ArrayList<>();
    IndexedPublicationRepository logged = new IndexedPublicationRepository(PublicationStore.NONE,
        (presentity, event) -> {
          changed.add(presentity.uri() + " " + event);
          return DurableWrite.NOTHING;
        });
    Publication first = publication(ALICE, "first");
    InMemory.add(logged, first);
    Publication modified = publication(ALICE, "modified");
    org.presenceagent.domain.shared.UnitOfWork work = StoredChanges.inMemory().begin();
    logged.replace(work, first.etag(), modified);
    logged.remove(work, modified.etag()); // not applied yet: the index still holds the first one
    work.commit();
    logged.findByPresentity(ALICE, "presence");
    logged.find(first.etag());

    assertThat(changed).containsExactly("sip:alice@example.com presence", "sip:alice@example.com presence");
  }
}
