package org.presenceagent.testing;

import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.presentity.PublicationRepository;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.registration.BindingRepository;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ETag;
import org.presenceagent.domain.shared.UnitOfWork;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.presenceagent.infrastructure.persistence.StoredChanges;

/** One-change units of work on memory-only repositories, for setting up a test's state. */
public final class InMemory {

  private static final UnitOfWork.Factory UNITS = StoredChanges.inMemory();

  private InMemory() {}

  public static void save(SubscriptionRepository repository, Subscription subscription) {
    UnitOfWork work = UNITS.begin();
    repository.save(work, subscription);
    work.commit().toCompletableFuture().join();
  }

  public static void remove(SubscriptionRepository repository, SubscriptionKey key) {
    UnitOfWork work = UNITS.begin();
    repository.remove(work, key);
    work.commit().toCompletableFuture().join();
  }

  /** Removes a subscription that ended for the reason it carries. */
  public static void remove(SubscriptionRepository repository, Subscription ended) {
    UnitOfWork work = UNITS.begin();
    repository.remove(work, ended);
    work.commit().toCompletableFuture().join();
  }

  public static void add(PublicationRepository repository, Publication publication) {
    UnitOfWork work = UNITS.begin();
    repository.add(work, publication);
    work.commit().toCompletableFuture().join();
  }

  public static void replace(PublicationRepository repository, ETag previous, Publication successor) {
    UnitOfWork work = UNITS.begin();
    repository.replace(work, previous, successor);
    work.commit().toCompletableFuture().join();
  }

  public static void remove(PublicationRepository repository, ETag etag) {
    UnitOfWork work = UNITS.begin();
    repository.remove(work, etag);
    work.commit().toCompletableFuture().join();
  }

  public static void save(BindingRepository repository, Binding binding) {
    UnitOfWork work = UNITS.begin();
    repository.save(work, binding);
    work.commit().toCompletableFuture().join();
  }

  public static void remove(BindingRepository repository, Aor aor, String key) {
    UnitOfWork work = UNITS.begin();
    repository.remove(work, aor, key);
    work.commit().toCompletableFuture().join();
  }
}
