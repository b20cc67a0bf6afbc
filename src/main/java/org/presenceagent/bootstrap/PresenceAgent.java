package org.presenceagent.bootstrap;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.overload.AdmissionControl;
import org.presenceagent.application.authorize.AuthorizeService;
import org.presenceagent.application.authorize.StoredRules;
import org.presenceagent.application.expiry.ExpiryService;
import org.presenceagent.application.expiry.PublicationTimers;
import org.presenceagent.application.identity.SubscriberTable;
import org.presenceagent.application.manage.SubscriberManagement;
import org.presenceagent.infrastructure.persistence.JpaSubscriberTable;
import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.application.internal.InternalSubscriptions;
import org.presenceagent.application.manage.LiveSettings;
import org.presenceagent.application.manage.ManagementService;
import org.presenceagent.application.notify.NotifyResponseService;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.message.ImRulesAuthorization;
import org.presenceagent.application.message.StoredImRules;
import org.presenceagent.domain.auth.ImRules;
import org.presenceagent.infrastructure.xcap.XcapDocumentType;
import org.presenceagent.application.message.MessageService;
import org.presenceagent.application.notify.PresentityState;
import org.presenceagent.application.notify.SphereChanges;
import org.presenceagent.application.register.RegisterService;
import org.presenceagent.application.register.RegistrationTimers;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.infrastructure.persistence.BindingStore;
import org.presenceagent.infrastructure.persistence.IndexedBindingRepository;
import org.presenceagent.infrastructure.persistence.JpaBindingStore;
import org.presenceagent.application.notify.OfflineWatcherInfo;
import org.presenceagent.application.port.ClusterOverview;
import org.presenceagent.application.port.DocumentCodec;
import org.presenceagent.application.port.NotifySender;
import org.presenceagent.application.port.RulesDocumentReader;
import org.presenceagent.application.publish.PublicationLimits;
import org.presenceagent.application.publish.PublishService;
import org.presenceagent.application.subscribe.CseqReservation;
import org.presenceagent.application.subscribe.StaleSubscriptions;
import org.presenceagent.application.subscribe.SubscribeService;
import org.presenceagent.application.xcap.ApplicationUsage;
import org.presenceagent.application.xcap.StaticPresence;
import org.presenceagent.application.xcap.XcapDocumentChanges;
import org.presenceagent.application.xcap.XcapService;
import org.presenceagent.document.PidfCodec;
import org.presenceagent.document.PresRulesReader;
import org.presenceagent.document.RejectedDocuments;
import org.presenceagent.document.SecureXml;
import org.presenceagent.document.policy.PolicyBinding;
import org.presenceagent.document.winfo.WatcherInfoCodec;
import org.presenceagent.domain.auth.AuthorizationPolicies;
import org.presenceagent.domain.auth.AuthorizationPolicy;
import org.presenceagent.domain.auth.PresRules;
import org.presenceagent.domain.auth.RulesPolicy;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.event.EventPackages;
import org.presenceagent.domain.presentity.PresenceDocument;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.UnitOfWork;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.watcher.OfflineWatcherRepository;
import org.presenceagent.domain.xcap.XcapDocumentRepository;
import org.presenceagent.infrastructure.config.AuthMode;
import org.presenceagent.infrastructure.config.PresenceSettings;
import org.presenceagent.infrastructure.metrics.ClusterGauges;
import org.presenceagent.infrastructure.metrics.LoadMeters;
import org.presenceagent.infrastructure.metrics.MeteredNotifySender;
import org.presenceagent.infrastructure.metrics.PresenceMetrics;
import org.presenceagent.infrastructure.metrics.StateGauges;
import org.presenceagent.infrastructure.cluster.ClusterMode;
import org.presenceagent.infrastructure.cluster.NodeState;
import org.presenceagent.infrastructure.concurrency.WorkerPool;
import org.presenceagent.infrastructure.persistence.PresentityChangeWrites;
import org.presenceagent.infrastructure.persistence.Database;
import org.presenceagent.infrastructure.persistence.GroupCommit;
import org.presenceagent.infrastructure.persistence.StoredChanges;
import org.presenceagent.infrastructure.persistence.IndexedPublicationRepository;
import org.presenceagent.infrastructure.persistence.InMemoryOfflineWatcherRepository;
import org.presenceagent.infrastructure.persistence.InMemoryXcapDocumentRepository;
import org.presenceagent.infrastructure.persistence.IndexedSubscriptionRepository;
import org.presenceagent.infrastructure.persistence.JpaPublicationStore;
import org.presenceagent.infrastructure.persistence.JpaOfflineWatcherRepository;
import org.presenceagent.infrastructure.persistence.JpaSubscriptionStore;
import org.presenceagent.infrastructure.persistence.JpaXcapDocumentRepository;
import org.presenceagent.infrastructure.persistence.PublicationStore;
import org.presenceagent.infrastructure.persistence.SubscriptionStore;
import org.presenceagent.infrastructure.persistence.TransactionRunner;
import org.presenceagent.infrastructure.timer.ScheduledExpiryScheduler;
import org.presenceagent.infrastructure.xcap.XcapRulesClient;
import org.presenceagent.jmx.JmxRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running application: every service wired once, plus what must be closed at the end. */
public final class PresenceAgent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PresenceAgent.class);
  /** The MIME type of common-policy documents (RFC 4745 section 13.1). */
  private static final String AUTH_POLICY_TYPE = "application/auth-policy+xml";
  private static final String IM_RULES_NAMESPACE = "urn:iptel:xml:ns:im-rules";
  private static final String PIDF_NAMESPACE = "urn:ietf:params:xml:ns:pidf";
  /** Longest time an XCAP request may take before it counts as failed. */
  private static final Duration XCAP_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  /**
   * Longest time a SUBSCRIBE waits for rules not yet cached: short, since it holds a SIP thread
   * and the presentity's lock; a slower server makes the watcher pending until the rules arrive.
   */
  private static final Duration XCAP_FIRST_WAIT = Duration.ofMillis(500);

  private final List<AutoCloseable> resources;
  private final SubscribeService subscribeService;
  private final PublishService publishService;
  private final NotifyResponseService notifyResponseService;
  private final Consumer<Aor> reauthorize;
  private final XcapService xcapService;
  private final RegisterService registerService;
  private final MessageService messageService;
  private final PresentityState presentityState;
  private final ManagementService managementService;
  private final Capabilities capabilities;
  private final PresenceMetrics metrics;
  private final InternalSubscriptions internalSubscriptions;
  private final AdmissionControl admission;
  private final IdentityComponents identity;
  private final SubscriberManagement subscriberManagement;
  private final ClusterOverview clusterOverview;
  private final Clock clock;

  private PresenceAgent(
      List<AutoCloseable> resources,
      SubscribeService subscribeService,
      PublishService publishService,
      NotifyResponseService notifyResponseService,
      Consumer<Aor> reauthorize,
      XcapService xcapService,
      RegisterService registerService,
      MessageService messageService,
      PresentityState presentityState,
      ManagementService managementService,
      Capabilities capabilities,
      PresenceMetrics metrics,
      InternalSubscriptions internalSubscriptions,
      AdmissionControl admission,
      IdentityComponents identity,
      SubscriberManagement subscriberManagement,
      ClusterOverview clusterOverview,
      Clock clock) {
    this.admission = admission;
    this.resources = resources;
    this.subscribeService = subscribeService;
    this.publishService = publishService;
    this.notifyResponseService = notifyResponseService;
    this.reauthorize = reauthorize;
    this.xcapService = xcapService;
    this.registerService = registerService;
    this.messageService = messageService;
    this.presentityState = presentityState;
    this.managementService = managementService;
    this.capabilities = capabilities;
    this.metrics = metrics;
    this.internalSubscriptions = internalSubscriptions;
    this.identity = identity;
    this.subscriberManagement = subscriberManagement;
    this.clusterOverview = clusterOverview;
    this.clock = clock;
  }

  /** Builds the application, restores stored state and restarts its timers. */
  public static PresenceAgent start(PresenceSettings settings, NotifySender sipNotifySender, Clock clock) {
    return start(settings, sipNotifySender, Set::of, clock);
  }

  /**
   * Builds the application, restores stored state and restarts its timers.
   *
   * @param listeningHosts the hosts the SIP connectors listen on (local domains by default)
   */
  public static PresenceAgent start(PresenceSettings settings, NotifySender sipNotifySender,
      Supplier<Set<String>> listeningHosts, Clock clock) {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      // First in, last closed: every component may count until it is closed.
      PresenceMetrics metrics = PresenceMetrics.start(settings.metricsEnabled(), settings.jmxName());
      resources.add(metrics);
      SecureXml secureXml = new SecureXml(settings.maxBodySize(), settings.limits().maxXmlDepth());
      DocumentCodec codec = new PidfCodec(secureXml, deviation -> metrics.pidfRepaired(deviation.tag()));
      RulesDocumentReader rulesReader = new PresRulesReader(secureXml);
      // Completes requests once their change is stored, and sends the NOTIFYs of presentity changes.
      WorkerPool workers = WorkerPool.perCore("presence-worker");
      resources.add(workers);
      UnitOfWork.Factory units = StoredChanges.inMemory();
      Optional<GroupCommit> groupCommitOf = Optional.empty();
      SubscriptionStore subscriptionStore = SubscriptionStore.NONE;
      PublicationStore publicationStore = PublicationStore.NONE;
      BindingStore bindingStore = BindingStore.NONE;
      Function<PresentityChangeWrites, XcapDocumentRepository> xcapDocumentsOf = changes -> new InMemoryXcapDocumentRepository();
      OfflineWatcherRepository offlineWatcherStore = new InMemoryOfflineWatcherRepository();
      SubscriberTable subscriberTable = SubscriberTable.inMemory();
      if (settings.useDb()) {
        Database database = settings.dbJndiName().map(Database::fromJndi)
            .orElseGet(() -> Database.open(settings.effectiveDbUrl(), settings.dbUser(), settings.dbPassword()));
        resources.add(database);
        TransactionRunner transactions = database.transactions(metrics::transaction);
        GroupCommit groupCommit = new GroupCommit(transactions, workers);
        resources.add(groupCommit); // closed before the database: it writes what is queued first
        units = StoredChanges.committedBy(groupCommit);
        groupCommitOf = Optional.of(groupCommit);
        subscriptionStore = new JpaSubscriptionStore(transactions);
        publicationStore = new JpaPublicationStore(transactions, codec::parse);
        bindingStore = new JpaBindingStore(transactions);
        xcapDocumentsOf = changes -> new JpaXcapDocumentRepository(transactions, changes);
        offlineWatcherStore = new JpaOfflineWatcherRepository(transactions);
        subscriberTable = new JpaSubscriberTable(transactions);
        LOG.info("database {}", database.describe());
      } else {
        LOG.info("use_db=0: state is kept in memory only and lost on restart");
      }
      // cluster=1: shares the state with other nodes (docs/scale-out.md), on the schema migrated above;
      // cluster=0: changes nothing.
      ClusterMode cluster = ClusterMode.of(settings);
      resources.add(cluster); // closes its pool if the start fails; see below for the normal stop
      XcapDocumentRepository xcapDocuments = xcapDocumentsOf.apply(cluster.changeWrites());
      NotifySender notifySender = cluster.notifySender(new MeteredNotifySender(sipNotifySender, metrics));
      IdentityComponents identity = IdentityComponents.build(settings.identity(), listeningHosts, subscriberTable, clock);
      // Bindings are a presentity's state only with use_callbacks=1: only then are their changes the other nodes' business.
      IndexedBindingRepository bindings = new IndexedBindingRepository(cluster.bindingStore(bindingStore),
          settings.useCallbacks() ? cluster.changeWrites() : PresentityChangeWrites.NONE, EventPackage.PRESENCE.name());
      IndexedSubscriptionRepository subscriptions = new IndexedSubscriptionRepository(cluster.subscriptionStore(subscriptionStore),
          cluster.watcherChangeWrites());
      IndexedPublicationRepository publications = new IndexedPublicationRepository(publicationStore, cluster.changeWrites());

      EventPackages eventPackages = new EventPackages(settings.watcherinfoNotify()
          ? List.of(EventPackage.PRESENCE, EventPackage.PRESENCE_WINFO)
          : List.of(EventPackage.PRESENCE));
      AdmissionControl admission = new AdmissionControl(settings.overload().queueDelayMillis(),
          settings.overload().pendingRequests(), settings.overload().inHandDelayMillis(),
          settings.overload().presentityQueue(), settings.overload().retryAfterSeconds(), System::nanoTime);
      PresentitySequencer sequencer = new PresentitySequencer(admission);
      StateGauges.register(metrics.registry(), eventPackages.names(), subscriptions, publications, bindings);
      cluster.status().ifPresent(status -> ClusterGauges.register(metrics.registry(), status));
      StoredRules storedRules = new StoredRules(xcapDocuments, rulesReader, settings.limits().maxCachedDocuments());
      metrics.rulesCache("stored", storedRules, StoredRules::hits, StoredRules::misses);
      ScheduledExpiryScheduler scheduler = new ScheduledExpiryScheduler(clock, 1);
      resources.add(scheduler);
      // The XCAP client reports changed rules to the AuthorizeService, which needs the policy built
      // on the client: the reference closes that circle once both exist.
      AtomicReference<AuthorizeService> authorizeRef = new AtomicReference<>();
      Optional<XcapRulesClient<PresRules>> xcapClient = settings.authXcapRoot().map(root -> {
        LOG.info("pres-rules and im-rules are read from the XCAP server {}", root);
        return new XcapRulesClient<>(root.toString(), XCAP_REQUEST_TIMEOUT, XCAP_FIRST_WAIT,
            Duration.ofSeconds(settings.authRulesRefreshTime()), XcapDocumentType.presRules(rulesReader), scheduler,
            clock, presentity -> authorizeRef.get().authorize(presentity), settings.limits().maxCachedDocuments(),
            settings.maxBodySize()).start();
      });
      xcapClient.ifPresent(client -> metrics.rulesCache("xcap", client, XcapRulesClient::cacheHits, XcapRulesClient::cacheMisses));
      // MESSAGE authorization reads im-rules from the same place, through the same cached client.
      Function<Aor, Optional<ImRules>> storedImRules = new StoredImRules(xcapDocuments, rulesReader);
      Function<Aor, Optional<ImRules>> imRules = settings.authXcapRoot()
          .<Function<Aor, Optional<ImRules>>>map(root -> new XcapRulesClient<>(root.toString(), XCAP_REQUEST_TIMEOUT,
              XCAP_FIRST_WAIT, Duration.ofSeconds(settings.authRulesRefreshTime()), XcapDocumentType.imRules(rulesReader),
              scheduler, clock, recipient -> { }, settings.limits().maxCachedDocuments(), settings.maxBodySize()).start())
          .orElse(storedImRules);
      Function<Aor, Optional<PresRules>> rules =
          xcapClient.<Function<Aor, Optional<PresRules>>>map(client -> client).orElse(storedRules);
      OfflineWatcherInfo offlineWatchers = new OfflineWatcherInfo(settings.useOfflineWinfo(), offlineWatcherStore,
          publications, Duration.ofSeconds(settings.offlineWinfoExpiration()), clock);
      offlineWatchers.startExpiryTimer(scheduler, Duration.ofSeconds(settings.offlineWinfoTimer()));
      StaticPresence staticPresence = new StaticPresence(xcapDocuments, codec, settings.limits().maxCachedDocuments());
      PresentityState state = settings.useCallbacks()
          ? PresentityState.withRegistrations(publications, bindings, codec, clock)
          : PresentityState.publicationsOnly(publications, codec, clock);
      // Sphere conditions (RFC 4745 section 7.2) see the sphere of everything composed for watchers.
      Function<Aor, Optional<String>> sphereOf = presentity -> {
        List<PresenceDocument> documents = new ArrayList<>();
        staticPresence.apply(presentity).ifPresent(documents::add);
        documents.addAll(state.documents(presentity, EventPackage.PRESENCE.name()));
        return codec.sphere(documents);
      };
      AuthorizationPolicy authorization = settings.auth() == AuthMode.XCAP
          ? new RulesPolicy(rules, sphereOf, settings.presRulesTransformations(), clock)
          : settings.auth() == AuthMode.NONE ? AuthorizationPolicy.allowAll() : AuthorizationPolicy.confirmAll();
      NotifyService notifier = new NotifyService(state, subscriptions, codec, notifySender, authorization,
          new WatcherInfoCodec(), offlineWatchers, staticPresence, clock, settings.notifyOfflineBody(),
          authorization instanceof RulesPolicy rulesPolicy
              ? new SphereChanges(rulesPolicy::dependsOnSphere, sphereOf, presentity -> authorizeRef.get().authorize(presentity))
              : SphereChanges.NONE,
          workers, scheduler);
      InternalSubscriptions internalSubscriptions =
          new InternalSubscriptions(settings.acceptInternalSubscriptions(), authorization, notifier);
      notifier.observe(internalSubscriptions);
      resources.add(internalSubscriptions); // closed first: internal watchers learn that they were ended
      ExpiryService expiry = new ExpiryService(subscriptions, publications, units, notifier, sequencer, clock);
      SubscriptionTimers subscriptionTimers = new SubscriptionTimers(scheduler, expiry);
      PublicationTimers publicationTimers = new PublicationTimers(scheduler, expiry);

      // Read at each use, so that the management API can change them while the server runs.
      LiveSettings liveSettings = new LiveSettings(settings.ignore408OnNotify(), settings.minExpires(),
          settings.defaultExpires(), settings.maxSubscriptionExpiration(), settings.maxPublishExpiration(),
          settings.maxRegistrationExpiration());
      SubscribeService subscribe = new SubscribeService(
          eventPackages,
          liveSettings::subscriptionExpiry,
          AuthorizationPolicies.of(authorization,
              settings.winfoAuth() == AuthMode.NONE ? AuthorizationPolicy.allowAll() : AuthorizationPolicy.ownerOnly()),
          subscriptions, units, notifier, subscriptionTimers, sequencer, clock,
          new StaleSubscriptions(subscriptions, subscriptionTimers, notifier, settings.deleteSameSubs()),
          cluster.orphanedDialogs());
      PublishService publish = new PublishService(
          eventPackages,
          liveSettings::publicationExpiry,
          codec, publications, units, notifier, publicationTimers, sequencer, clock,
          new PublicationLimits(settings.limits().maxPublications(), settings.limits().maxComposedSize()));
      LoadMeters.register(metrics.registry(), admission, workers, notifier::backlog, groupCommitOf);
      NotifyResponseService notifyResponses = new NotifyResponseService(subscriptions, units, subscriptionTimers,
          sequencer, liveSettings::ignore408OnNotify, notifier);
      notifier.connect(key -> notifyResponses.drop(key, "NOTIFY could not be sent"),
          cluster.cseqReservations(new CseqReservation(subscriptions, units, sequencer)));
      RegistrationTimers registrationTimers =
          new RegistrationTimers(scheduler, bindings, units, notifier, sequencer, clock, settings.useCallbacks());
      RegisterService register = new RegisterService(
          liveSettings::registrationExpiry,
          bindings, units, registrationTimers, notifier, sequencer, clock, settings.useCallbacks(),
          settings.limits().maxContacts());
      AuthorizeService authorize = new AuthorizeService(subscriptions, units, authorization, notifier, subscriptionTimers, sequencer);
      authorizeRef.set(authorize);
      // The stored pres-rules decide only with auth=xcap on the built-in store; an external server's client reports its own changes.
      XcapDocumentChanges xcapDocumentChanges = new XcapDocumentChanges(staticPresence, storedRules,
          settings.auth() == AuthMode.XCAP && settings.authXcapRoot().isEmpty() ? Optional.of(authorize) : Optional.empty(),
          notifier, sequencer);
      XcapService xcap = new XcapService(
          List.of(
              new ApplicationUsage(StoredRules.AUID, AUTH_POLICY_TYPE, PolicyBinding.PRES_RULES, rulesReader::read),
              // The seed's MESSAGE authorization documents (im-rules.xml): common-policy rulesets with
              // im-handling actions, checked by the same reader (StoredImRules evaluates them).
              new ApplicationUsage(StoredImRules.AUID, AUTH_POLICY_TYPE, IM_RULES_NAMESPACE, rulesReader::readImRules),
              new ApplicationUsage(StaticPresence.AUID, StaticPresence.CONTENT_TYPE, PIDF_NAMESPACE,
                  RejectedDocuments.parsableBy(codec, StaticPresence.CONTENT_TYPE))),
          xcapDocuments,
          xcapDocumentChanges,
          clock,
          settings.limits().xcapMaxDocuments());

      List<Publication> restoredPublications = publications.load();
      restoredPublications.forEach(publicationTimers::schedule);
      // Bindings are loaded silently: watchers keep the state they were last told (no flapping).
      List<Binding> restoredBindings = bindings.load();
      restoredBindings.forEach(registrationTimers::schedule);
      List<Subscription> restoredSubscriptions = subscriptions.load();
      restoredSubscriptions.forEach(subscriptionTimers::schedule);
      LOG.info("restored {} publications, {} registrations and {} subscriptions",
          restoredPublications.size(), restoredBindings.size(), restoredSubscriptions.size());
      cluster.start(new NodeState(sequencer, notifier, publications, publicationTimers,
          settings.useCallbacks() ? Optional.of(bindings) : Optional.empty(), registrationTimers, subscriptions,
          subscriptionTimers, xcapDocumentChanges));
      resources.add(cluster); // stopped again early: leaves the cluster before the services it feeds are closed
      // The seed's pa.authorize: re-read the presentity's rules, then re-evaluate its subscriptions.
      Consumer<Aor> reauthorize = xcapClient.<Consumer<Aor>>map(client -> client::reload).orElse(presentity -> {
        storedRules.invalidate(presentity);
        authorize.authorize(presentity);
      });
      MessageService messages = new MessageService(new ImRulesAuthorization(imRules, clock), state, publications);
      Capabilities capabilities = new Capabilities(eventPackages.names(), List.copyOf(codec.publishableContentTypes()));
      ManagementService management = new ManagementService(subscriptions, publications, bindings, state, notifier,
          publish, expiry, subscriptionTimers, registrationTimers, offlineWatchers, reauthorize, units, sequencer,
          eventPackages.names(), settings.describe(), liveSettings, clock);
      // Registered last: a console must not reach a half-built application; closed first.
      SubscriberManagement subscriberManagement = new SubscriberManagement(identity.subscribers());
      resources.add(JmxRegistration.register(settings.jmxName(), management, subscriberManagement, cluster.overview()));
      return new PresenceAgent(resources, subscribe, publish, notifyResponses, reauthorize, xcap,
          register, messages, state, management, capabilities, metrics, internalSubscriptions, admission,
          identity, subscriberManagement, cluster.overview(), clock);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
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

  /**
   * The management hook of the seed's {@code pa.authorize}: reads the presentity's rules again and
   * re-evaluates its subscriptions (at once with the built-in store; when the answer arrives with an
   * external XCAP server).
   */
  public void authorize(Aor presentity) {
    reauthorize.accept(presentity);
  }

  /** What OPTIONS advertises: the event packages served and the body types PUBLISH takes. */
  public record Capabilities(List<String> eventPackages, List<String> publishableTypes) {}

  public Capabilities capabilities() {
    return capabilities;
  }

  /**
   * Presence subscriptions from components in this JVM ({@code accept_internal_subscriptions}); the
   * web application also publishes it as a servlet context attribute
   * ({@link PresenceAgentBootstrap#INTERNAL_SUBSCRIPTIONS_ATTRIBUTE}).
   */
  public InternalSubscriptions internalSubscriptions() {
    return internalSubscriptions;
  }

  /** Overload control: whether new requests may start work now (the SIP layer asks it for each). */
  public AdmissionControl admission() {
    return admission;
  }

  /** Local domains, subscribers, digest and trusted proxies. */
  public IdentityComponents identity() {
    return identity;
  }

  /** The subscriber operations of the JMX MBean and the HTTP admin API. */
  public SubscriberManagement subscriberManagement() {
    return subscriberManagement;
  }

  /** The operator's view of the cluster ("single node" with {@code cluster=0}), for the consoles. */
  public ClusterOverview clusterOverview() {
    return clusterOverview;
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

  /** The operations of the JMX MBeans and the HTTP admin API. */
  public ManagementService managementService() {
    return managementService;
  }

  public Clock clock() {
    return clock;
  }

  /** This application's meters (closed with it). */
  public PresenceMetrics metrics() {
    return metrics;
  }

  /** The built-in XCAP server's document operations. */
  public XcapService xcapService() {
    return xcapService;
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
