package org.presenceagent.application.manage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.presenceagent.application.Completion;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.expiry.ExpiryService;
import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.notify.OfflineWatcherInfo;
import org.presenceagent.application.notify.PresentityState;
import org.presenceagent.application.port.NotifyBody;
import org.presenceagent.application.publish.PublishCommand;
import org.presenceagent.application.publish.PublishResponder;
import org.presenceagent.application.publish.PublishResult;
import org.presenceagent.application.publish.PublishService;
import org.presenceagent.application.register.RegistrationTimers;
import org.presenceagent.domain.event.EventPackage;
import org.presenceagent.domain.presentity.Publication;
import org.presenceagent.domain.presentity.PublicationRepository;
import org.presenceagent.domain.registration.Binding;
import org.presenceagent.domain.registration.BindingRepository;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.UnitOfWork;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.SubscriptionRepository;
import org.presenceagent.domain.subscription.TerminationReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations of the operator consoles (JMX and the HTTP admin API), so that both stay thin
 * adapters. Reads look at the in-memory repositories; every change runs under the presentity's
 * lock and through the same services as the SIP side, so watchers are notified and the database
 * is written before the call returns.
 */
public final class ManagementService {

  /**
   * The reason an operator's termination gives when the caller names none: RFC 6665 section
   * 4.2.2 says a subscriber told {@code noresource} should not re-subscribe, whereas
   * {@code deactivated} (or {@code timeout}) would make it come straight back, undoing the action.
   */
  public static final TerminationReason DEFAULT_TERMINATION_REASON = TerminationReason.NORESOURCE;

  private static final Logger LOG = LoggerFactory.getLogger(ManagementService.class);
  /** The counts of one presentity in a listing: publications, registrations, subscriptions. */
  private static final Function<Aor, int[]> NEW_COUNTS = presentity -> new int[3];

  private final SubscriptionRepository subscriptions;
  private final PublicationRepository publications;
  private final BindingRepository bindings;
  private final PresentityState state;
  private final NotifyService notifier;
  private final PublishService publishService;
  private final ExpiryService expiry;
  private final SubscriptionTimers subscriptionTimers;
  private final RegistrationTimers registrationTimers;
  private final OfflineWatcherInfo offlineWatchers;
  private final Consumer<Aor> reauthorize;
  private final UnitOfWork.Factory units;
  private final PresentitySequencer sequencer;
  private final List<String> eventPackages;
  private final Map<String, String> settings;
  private final LiveSettings liveSettings;
  private final Clock clock;

  /**
   * @param reauthorize the seed's {@code pa.authorize}: re-reads a presentity's rules and
   *     re-evaluates its subscriptions
   * @param eventPackages the event packages served, whose subscriptions and publications are shown
   * @param settings every parameter's effective value at start (secrets masked)
   * @param liveSettings the ones that may change while running; their current values win
   */
  public ManagementService(
      SubscriptionRepository subscriptions,
      PublicationRepository publications,
      BindingRepository bindings,
      PresentityState state,
      NotifyService notifier,
      PublishService publishService,
      ExpiryService expiry,
      SubscriptionTimers subscriptionTimers,
      RegistrationTimers registrationTimers,
      OfflineWatcherInfo offlineWatchers,
      Consumer<Aor> reauthorize,
      UnitOfWork.Factory units,
      PresentitySequencer sequencer,
      List<String> eventPackages,
      Map<String, String> settings,
      LiveSettings liveSettings,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.publications = publications;
    this.bindings = bindings;
    this.state = state;
    this.notifier = notifier;
    this.publishService = publishService;
    this.expiry = expiry;
    this.subscriptionTimers = subscriptionTimers;
    this.registrationTimers = registrationTimers;
    this.offlineWatchers = offlineWatchers;
    this.reauthorize = reauthorize;
    this.units = units;
    this.sequencer = sequencer;
    this.eventPackages = List.copyOf(eventPackages);
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    this.liveSettings = liveSettings;
    this.clock = clock;
  }

  /**
   * Every presentity with publications, registrations or subscriptions, sorted by address: one
   * pass over each repository, so the list costs the same however many presentities there are.
   */
  public List<PresentitySummary> presentities() {
    Map<Aor, int[]> counts = new TreeMap<>(Comparator.comparing(Aor::uri));
    publications.findAll().forEach(publication -> counts.computeIfAbsent(publication.presentity(), NEW_COUNTS)[0]++);
    bindings.findAll().forEach(binding -> counts.computeIfAbsent(binding.aor(), NEW_COUNTS)[1]++);
    subscriptions.findAll().forEach(subscription -> counts.computeIfAbsent(subscription.presentity(), NEW_COUNTS)[2]++);
    return counts.entrySet().stream()
        .map(entry -> new PresentitySummary(entry.getKey().uri(), entry.getValue()[0], entry.getValue()[1],
            entry.getValue()[2], state.isOnline(entry.getKey())))
        .toList();
  }


  /** One presentity's state; empty when nothing is held about it. */
  public Optional<PresentityDetails> presentity(Aor presentity) {
    PresentitySummary summary = summary(presentity);
    if (summary.publications() + summary.registrations() + summary.subscriptions() == 0) {
      return Optional.empty();
    }
    Optional<String> document = notifier.composedPresence(presentity)
        .map(NotifyBody::bytes)
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    List<PublicationView> publicationViews = publicationsOf(presentity).stream()
        .map(publication -> new PublicationView(publication.etag().value(), publication.event(),
            publication.document().contentType(), publication.expiresAt(), publication.remainingSeconds(clock)))
        .toList();
    List<BindingView> bindingViews = bindings.findByAor(presentity).stream()
        .map(binding -> new BindingView(binding.contact(), binding.q().map(String::valueOf).orElse(""),
            binding.instanceId().orElse(""), binding.callId(), binding.expiresAt(), binding.remainingSeconds(clock)))
        .toList();
    return Optional.of(new PresentityDetails(summary, document, publicationViews, bindingViews));
  }

  /** The subscriptions to a presentity in every event package, oldest first. */
  public List<SubscriptionView> subscriptions(Aor presentity) {
    return subscriptionsOf(presentity).stream()
        .sorted(Comparator.comparing(Subscription::createdAt))
        .map(this::view)
        .toList();
  }

  /**
   * Ends a subscription as its notifier (RFC 6665 section 4.2.2): a final NOTIFY with {@code
   * Subscription-State: terminated;reason=<reason>} goes to the watcher, and the subscription is
   * removed from memory and the database.
   *
   * @return the ended subscription as it was; empty when there is none with that id
   */
  public Optional<SubscriptionView> terminate(SubscriptionKey key, TerminationReason reason) {
    return subscriptions.find(key).flatMap(found -> sequencer.awaitStep(found.presentity(), () -> {
      Subscription subscription = subscriptions.find(key).orElse(null);
      if (subscription == null || subscription.isTerminated()) {
        return CompletableFuture.completedFuture(Optional.<SubscriptionView>empty());
      }
      SubscriptionView before = view(subscription);
      boolean authorized = subscription.isActive();
      Subscription ended = subscription.terminated(reason);
      UnitOfWork work = units.begin();
      subscriptions.remove(work, key);
      return work.commit().thenApply(ignored -> {
        subscriptionTimers.cancel(ended);
        LOG.info("subscription {} terminated by an operator, reason={}", key, reason.token());
        notifier.notifySubscription(ended, authorized);
        return Optional.of(before);
      });
    }));
  }

  /** The seed's {@code pa.authorize}: re-reads the presentity's rules and re-evaluates its watchers. */
  public void authorize(Aor presentity) {
    reauthorize.accept(presentity);
  }

  /**
   * The seed's {@code pa.publish}: an initial publication on the presentity's behalf, handled like
   * a PUBLISH (RFC 3903 section 6): validated, stored, expiring like any other, its watchers
   * notified.
   *
   * @param requestedExpires seconds wanted; empty for {@code default_expires}
   * @throws org.presenceagent.application.RequestRejectedException as for a PUBLISH: 415 for a
   *     type that cannot be published, 400 for an invalid document, 423 for a too brief expiry
   */
  public PublishResult publish(Aor presentity, String contentType, byte[] document, OptionalLong requestedExpires) {
    CompletableFuture<PublishResult> result = new CompletableFuture<>();
    publishService.publish(new PublishCommand(presentity, EventPackage.PRESENCE.name(), requestedExpires,
        Optional.empty(), Optional.of(new PublishCommand.Body(contentType, document))), new PublishResponder() {
          @Override
          public void accept(PublishResult published) {
            result.complete(published);
          }

          @Override
          public void reject(RuntimeException failure) {
            result.completeExceptionally(failure);
          }
        });
    PublishResult published = Completion.join(result);
    LOG.info("{} published for {} by an operator", contentType, presentity);
    return published;
  }

  /** The seed's {@code target_online()}: registered, or a live publication says open. */
  public boolean targetOnline(Aor presentity) {
    return state.isOnline(presentity);
  }

  /**
   * Runs expiry now for everything overdue (normally each item's timer does it; this catches up
   * after a stalled timer or a clock jump), with the same NOTIFYs as the timers send.
   */
  public CleanupResult cleanup() {
    int endedSubscriptions = 0;
    for (Subscription subscription : subscriptions.findAll()) {
      if (subscription.isExpired(clock) && expiry.expireSubscriptionNow(subscription.key())) {
        endedSubscriptions++;
      }
    }
    int removedPublications = 0;
    for (Publication publication : publications.findAll()) {
      if (publication.isExpired(clock) && expiry.expirePublicationNow(publication.etag())) {
        removedPublications++;
      }
    }
    int removedBindings = 0;
    for (Binding binding : bindings.findAll()) {
      if (binding.isExpired(clock) && Completion.join(registrationTimers.expireIfDue(binding))) {
        removedBindings++;
      }
    }
    CleanupResult result = new CleanupResult(endedSubscriptions, removedPublications, removedBindings,
        offlineWatchers.expire());
    LOG.info("cleanup by an operator: {}", result);
    return result;
  }

  /** The seed's {@code pa.trace}: counts, settings and one summary per presentity. */
  public StateDump dump() {
    Map<String, Integer> byEventAndState = new TreeMap<>();
    for (Subscription subscription : subscriptions.findAll()) {
      byEventAndState.merge(subscription.event() + "/" + subscription.state().token(), 1, Integer::sum);
    }
    return new StateDump(publications.findAll().size(), bindings.findAll().size(), subscriptions.findAll().size(),
        byEventAndState, settings(), presentities());
  }

  /** Every parameter's effective value now, in the parameter table's order. */
  public Map<String, String> settings() {
    Map<String, String> current = new LinkedHashMap<>(settings);
    current.putAll(liveSettings.values());
    return Collections.unmodifiableMap(current);
  }

  /**
   * Changes settings while running, all or none; only {@link LiveSettings#NAMES} may change.
   *
   * @return every parameter's value afterwards
   * @throws IllegalArgumentException for a parameter that cannot change at run time or a bad value
   */
  public Map<String, String> changeSettings(Map<String, String> changes) {
    liveSettings.change(changes);
    LOG.info("settings changed by an operator: {}", changes);
    return settings();
  }

  /**
   * A termination reason from its token (RFC 6665 section 4.2.2), case-insensitive.
   *
   * @throws IllegalArgumentException naming the tokens allowed
   */
  public static TerminationReason terminationReason(String token) {
    for (TerminationReason reason : TerminationReason.values()) {
      if (reason.token().equals(token.toLowerCase(Locale.ROOT))) {
        return reason;
      }
    }
    throw new IllegalArgumentException("unknown termination reason '" + token + "'; one of "
        + Arrays.stream(TerminationReason.values()).map(TerminationReason::token).toList());
  }

  /**
   * A presentity as operators type it: a SIP URI, or {@code user@host} for {@code sip:user@host}.
   *
   * @throws IllegalArgumentException when it is neither
   */
  public static Aor presentityAddress(String text) {
    String trimmed = text == null ? "" : text.trim();
    try {
      return Aor.parse(trimmed.contains(":") ? trimmed : "sip:" + trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a presentity address (sip:user@host or user@host): '" + trimmed + "'");
    }
  }

  private PresentitySummary summary(Aor presentity) {
    return new PresentitySummary(presentity.uri(), publicationsOf(presentity).size(),
        bindings.findByAor(presentity).size(), subscriptionsOf(presentity).size(), state.isOnline(presentity));
  }

  /** Through the repositories' presentity index, one event package at a time. */
  private List<Publication> publicationsOf(Aor presentity) {
    return eventPackages.stream()
        .flatMap(event -> publications.findByPresentity(presentity, event).stream())
        .sorted(Comparator.comparing(Publication::publishedAt))
        .toList();
  }

  private List<Subscription> subscriptionsOf(Aor presentity) {
    return eventPackages.stream()
        .flatMap(event -> subscriptions.findByPresentity(presentity, event).stream())
        .toList();
  }

  private SubscriptionView view(Subscription subscription) {
    return new SubscriptionView(subscription.key().asText(), subscription.watcher().uri(),
        subscription.presentity().uri(), subscription.event(), subscription.state().token(),
        subscription.contentType(), subscription.expiresAt(), subscription.remainingSeconds(clock),
        subscription.key().callId(), notifier.notificationsSent(subscription.key()));
  }
}
