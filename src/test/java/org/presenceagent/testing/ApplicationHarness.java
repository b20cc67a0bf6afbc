package org.presenceagent.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.presenceagent.application.port.OrphanedDialogs;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.authorize.AuthorizeService;
import org.presenceagent.application.expiry.ExpiryService;
import org.presenceagent.application.expiry.PublicationTimers;
import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.application.manage.LiveSettings;
import org.presenceagent.application.manage.ManagementService;
import org.presenceagent.application.register.RegistrationTimers;
import org.presenceagent.application.notify.NotifyResponseService;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.notify.SphereChanges;
import org.presenceagent.application.notify.PresentityState;
import org.presenceagent.application.notify.OfflineWatcherInfo;
import org.presenceagent.application.port.DocumentCodec;
import org.presenceagent.application.publish.PublicationLimits;
import org.presenceagent.application.publish.PublishService;
import org.presenceagent.application.subscribe.CseqReservation;
import org.presenceagent.application.subscribe.StaleSubscriptions;
import org.presenceagent.application.subscribe.SubscribeService;
import org.presenceagent.document.PidfCodec;
import org.presenceagent.document.SecureXml;
import org.presenceagent.document.winfo.WatcherInfoCodec;
import org.presenceagent.domain.auth.AuthorizationPolicies;
import org.presenceagent.domain.auth.AuthorizationPolicy;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.event.EventPackages;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.ExpiryPolicy;
import org.presenceagent.infrastructure.persistence.BindingStore;
import org.presenceagent.infrastructure.persistence.IndexedBindingRepository;
import org.presenceagent.infrastructure.persistence.InMemoryOfflineWatcherRepository;
import org.presenceagent.infrastructure.persistence.IndexedPublicationRepository;
import org.presenceagent.infrastructure.persistence.IndexedSubscriptionRepository;
import org.presenceagent.infrastructure.persistence.PublicationStore;
import org.presenceagent.infrastructure.persistence.StoredChanges;
import org.presenceagent.domain.shared.UnitOfWork;
import org.presenceagent.infrastructure.persistence.SubscriptionStore;

/**
 * The use cases wired as the composition root does, with memory-only repositories (units of work
 * commit at once), a recording NOTIFY sender, NOTIFYs sent on the calling thread, a manual timer
 * and a clock the test moves: every request is answered before the use case returns. Expiry
 * policy: min 60, default 3600, max 7200 seconds. Offline watcher information is on.
 */
public final class ApplicationHarness {

  public static final ExpiryPolicy EXPIRY = new ExpiryPolicy(60, 3600, 7200);
  /** Offline watcher information is on, kept for a day. */
  public static final Duration OFFLINE_WINFO_EXPIRATION = Duration.ofDays(1);

  public final MutableClock clock = new MutableClock();
  public final IndexedSubscriptionRepository subscriptions = new IndexedSubscriptionRepository(SubscriptionStore.NONE);
  public final IndexedPublicationRepository publications = new IndexedPublicationRepository(PublicationStore.NONE);
  /** Held for the management views; presence here comes from publications only. */
  public final IndexedBindingRepository bindings = new IndexedBindingRepository(BindingStore.NONE);
  public final RecordingNotifySender sender = new RecordingNotifySender();
  public final ManualExpiryScheduler scheduler = new ManualExpiryScheduler(clock);
  public final DocumentCodec codec = new PidfCodec(new SecureXml());
  public final EventPackages eventPackages =
      new EventPackages(List.of(EventPackage.PRESENCE, EventPackage.PRESENCE_WINFO));
  public final PresentitySequencer sequencer = new PresentitySequencer();
  public final UnitOfWork.Factory units = StoredChanges.inMemory();
  public final InMemoryOfflineWatcherRepository offlineWatcherStore = new InMemoryOfflineWatcherRepository();
  public final OfflineWatcherInfo offlineWatchers;
  public final NotifyService notifyService;
  public final ExpiryService expiryService;
  public final SubscriptionTimers subscriptionTimers;
  public final PublicationTimers publicationTimers;

  private final AuthorizationPolicy authorization;

  public ApplicationHarness(AuthorizationPolicy authorization) {
    this.authorization = authorization;
    offlineWatchers = new OfflineWatcherInfo(true, offlineWatcherStore, publications, OFFLINE_WINFO_EXPIRATION, clock);
    notifyService = new NotifyService(
        PresentityState.publicationsOnly(publications, codec, clock), subscriptions, codec, sender, authorization,
        new WatcherInfoCodec(), offlineWatchers,
        presentity -> Optional.empty(), clock, true, SphereChanges.NONE, Runnable::run, scheduler);
    expiryService = new ExpiryService(subscriptions, publications, units, notifyService, sequencer, clock);
    subscriptionTimers = new SubscriptionTimers(scheduler, expiryService);
    publicationTimers = new PublicationTimers(scheduler, expiryService);
    sender.answerWith(notification -> notifyService.notifyAnswered(notification.key(), 200));
    NotifyResponseService responses = notifyResponseService(false);
    notifyService.connect(key -> responses.drop(key, "NOTIFY could not be sent"),
        new CseqReservation(subscriptions, units, sequencer));
  }

  /** Every watcher authorized at once. */
  public ApplicationHarness() {
    this(AuthorizationPolicy.allowAll());
  }

  public SubscribeService subscribeService() {
    return subscribeService(OrphanedDialogs.NONE);
  }

  /** The SUBSCRIBE use case of a cluster node, asking {@code orphanedDialogs} for dialogs it does not hold. */
  public SubscribeService subscribeService(OrphanedDialogs orphanedDialogs) {
    return new SubscribeService(
        eventPackages, () -> EXPIRY, AuthorizationPolicies.of(authorization, AuthorizationPolicy.ownerOnly()),
        subscriptions, units, notifyService, subscriptionTimers, sequencer, clock,
        new StaleSubscriptions(subscriptions, subscriptionTimers, notifyService, false), orphanedDialogs);
  }

  public PublishService publishService() {
    return new PublishService(
        eventPackages, () -> EXPIRY, codec, publications, units, notifyService, publicationTimers, sequencer, clock,
        PublicationLimits.NONE);
  }

  public AuthorizeService authorizeService() {
    return new AuthorizeService(subscriptions, units, authorization, notifyService, subscriptionTimers, sequencer);
  }

  /**
   * The management use case over this harness.
   *
   * @param reauthorize what {@code authorize} runs
   * @param settings the settings it shows
   * @param liveSettings the ones it may change
   */
  public ManagementService managementService(
      Consumer<Aor> reauthorize, Map<String, String> settings, LiveSettings liveSettings) {
    return new ManagementService(subscriptions, publications, bindings,
        PresentityState.publicationsOnly(publications, codec, clock), notifyService, publishService(), expiryService,
        subscriptionTimers, new RegistrationTimers(scheduler, bindings, units, notifyService, sequencer, clock, false),
        offlineWatchers, reauthorize, units, sequencer, eventPackages.names(), settings, liveSettings, clock);
  }

  public NotifyResponseService notifyResponseService(boolean ignore408) {
    return new NotifyResponseService(subscriptions, units, subscriptionTimers, sequencer, () -> ignore408, notifyService);
  }
}
