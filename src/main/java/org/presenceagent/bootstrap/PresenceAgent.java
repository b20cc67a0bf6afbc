package org.presenceagent.bootstrap;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.presenceagent.application.PresentityLocks;
import org.presenceagent.application.expiry.ExpiryService;
import org.presenceagent.application.expiry.PublicationTimers;
import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.application.notify.NotifyResponseService;
import org.presenceagent.application.message.MessageAuthorization;
import org.presenceagent.application.message.MessageService;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.notify.PresentityState;
import org.presenceagent.application.register.RegisterService;
import org.presenceagent.application.register.RegistrationTimers;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.infrastructure.persistence.BindingStore;
import org.presenceagent.infrastructure.persistence.IndexedBindingRepository;
import org.presenceagent.infrastructure.persistence.JpaBindingStore;
import org.presenceagent.application.port.DocumentCodec;
import org.presenceagent.application.port.NotifySender;
import org.presenceagent.application.publish.PublishService;
import org.presenceagent.application.subscribe.SubscribeService;
import org.presenceagent.document.PidfCodec;
import org.presenceagent.document.SecureXml;
import org.presenceagent.domain.auth.AuthorizationPolicy;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.event.EventPackages;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.shared.ExpiryPolicy;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.infrastructure.config.AuthMode;
import org.presenceagent.infrastructure.config.PresenceSettings;
import org.presenceagent.infrastructure.persistence.Database;
import org.presenceagent.infrastructure.persistence.IndexedPublicationRepository;
import org.presenceagent.infrastructure.persistence.IndexedSubscriptionRepository;
import org.presenceagent.infrastructure.persistence.JpaPublicationStore;
import org.presenceagent.infrastructure.persistence.JpaSubscriptionStore;
import org.presenceagent.infrastructure.persistence.PublicationStore;
import org.presenceagent.infrastructure.persistence.SubscriptionStore;
import org.presenceagent.infrastructure.persistence.TransactionRunner;
import org.presenceagent.infrastructure.timer.ScheduledExpiryScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running application: every service wired once, plus what must be closed at the end. */
public final class PresenceAgent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PresenceAgent.class);
  private static final int LOCK_STRIPES = 1024;

  private final List<AutoCloseable> resources;
  private final SubscribeService subscribeService;
  private final PublishService publishService;
  private final NotifyResponseService notifyResponseService;
  private final RegisterService registerService;
  private final MessageService messageService;
  private final PresentityState presentityState;
  private final Clock clock;

  private PresenceAgent(
      List<AutoCloseable> resources,
      SubscribeService subscribeService,
      PublishService publishService,
      NotifyResponseService notifyResponseService,
      RegisterService registerService,
      MessageService messageService,
      PresentityState presentityState,
      Clock clock) {
    this.resources = resources;
    this.subscribeService = subscribeService;
    this.publishService = publishService;
    this.notifyResponseService = notifyResponseService;
    this.registerService = registerService;
    this.messageService = messageService;
    this.presentityState = presentityState;
    this.clock = clock;
  }

  /** Builds the application, restores stored state and restarts its timers. */
  public static PresenceAgent start(PresenceSettings settings, NotifySender notifySender, Clock clock) {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      DocumentCodec codec = new PidfCodec(new SecureXml(settings.maxBodySize()));
      SubscriptionStore subscriptionStore = SubscriptionStore.NONE;
      PublicationStore publicationStore = PublicationStore.NONE;
      BindingStore bindingStore = BindingStore.NONE;
      if (settings.useDb()) {
        Database database = Database.open(settings.effectiveDbUrl(), settings.dbUser(), settings.dbPassword());
        resources.add(database);
        TransactionRunner transactions = database.transactions();
        subscriptionStore = new JpaSubscriptionStore(transactions);
        publicationStore = new JpaPublicationStore(transactions, codec::parse);
        bindingStore = new JpaBindingStore(transactions);
        LOG.info("database {}", database.describe());
      } else {
        LOG.info("use_db=0: state is kept in memory only and lost on restart");
      }
      IndexedBindingRepository bindings = new IndexedBindingRepository(bindingStore);
      IndexedSubscriptionRepository subscriptions = new IndexedSubscriptionRepository(subscriptionStore);
      IndexedPublicationRepository publications = new IndexedPublicationRepository(publicationStore);
      ScheduledExpiryScheduler scheduler = new ScheduledExpiryScheduler(clock, 1);
      resources.add(scheduler);

      EventPackages eventPackages = new EventPackages(List.of(EventPackage.PRESENCE));
      PresentityLocks locks = new PresentityLocks(LOCK_STRIPES);
      PresentityState state = settings.useCallbacks()
          ? PresentityState.withRegistrations(publications, bindings, codec, clock)
          : PresentityState.publicationsOnly(publications, codec, clock);
      NotifyService notifier = new NotifyService(state, subscriptions, codec, notifySender, clock);
      ExpiryService expiry = new ExpiryService(subscriptions, publications, notifier, locks, clock);
      SubscriptionTimers subscriptionTimers = new SubscriptionTimers(scheduler, expiry);
      PublicationTimers publicationTimers = new PublicationTimers(scheduler, expiry);

      SubscribeService subscribe = new SubscribeService(
          eventPackages,
          new ExpiryPolicy(settings.minExpires(), settings.defaultExpires(), settings.maxSubscriptionExpiration()),
          authorization(settings.auth()),
          subscriptions, notifier, subscriptionTimers, locks, clock);
      PublishService publish = new PublishService(
          eventPackages,
          new ExpiryPolicy(settings.minExpires(), settings.defaultExpires(), settings.maxPublishExpiration()),
          codec, publications, notifier, publicationTimers, locks, clock);
      NotifyResponseService notifyResponses =
          new NotifyResponseService(subscriptions, subscriptionTimers, locks, settings.ignore408OnNotify());
      RegistrationTimers registrationTimers =
          new RegistrationTimers(scheduler, bindings, notifier, locks, clock, settings.useCallbacks());
      RegisterService register = new RegisterService(
          new ExpiryPolicy(settings.minExpires(), settings.defaultExpires(), settings.maxRegistrationExpiration()),
          bindings, registrationTimers, notifier, locks, clock, settings.useCallbacks());

      List<Publication> restoredPublications = publications.load();
      restoredPublications.forEach(publicationTimers::schedule);
      // Bindings are loaded silently: watchers keep the state they were last told (no flapping).
      List<Binding> restoredBindings = bindings.load();
      restoredBindings.forEach(registrationTimers::schedule);
      List<Subscription> restoredSubscriptions = subscriptions.load();
      restoredSubscriptions.forEach(subscriptionTimers::schedule);
      LOG.info("restored {} publications, {} registrations and {} subscriptions",
          restoredPublications.size(), restoredBindings.size(), restoredSubscriptions.size());
      MessageService messages = new MessageService(MessageAuthorization.withoutRules(), state, publications);
      return new PresenceAgent(resources, subscribe, publish, notifyResponses, register, messages, state, clock);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  private static AuthorizationPolicy authorization(AuthMode mode) {
    return switch (mode) {
      case NONE -> AuthorizationPolicy.allowAll();
      case IMPLICIT -> AuthorizationPolicy.confirmAll();
    };
  }

  public SubscribeService subscribeService() {
    return subscribeService;
  }

  public PublishService publishService() {
    return publishService;
  }

  public NotifyResponseService notifyResponseService() {
    return notifyResponseService;
  }

  public RegisterService registerService() {
    return registerService;
  }

  public MessageService messageService() {
    return messageService;
  }

  /** The seed's {@code target_online()}: whether a user is registered or has an open publication. */
  public boolean targetOnline(Aor user) {
    return presentityState.isOnline(user);
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    closeAll(resources);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.warn("closing {} failed", resources.get(i), e);
      }
    }
  }
}
