package org.presenceagent.infrastructure.cluster;

import java.util.Optional;
import org.presenceagent.application.PresentitySequencer;
import org.presenceagent.application.expiry.PublicationTimers;
import org.presenceagent.application.expiry.SubscriptionTimers;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.register.RegistrationTimers;
import org.presenceagent.application.xcap.XcapDocumentChanges;
import org.presenceagent.infrastructure.persistence.IndexedBindingRepository;
import org.presenceagent.infrastructure.persistence.IndexedPublicationRepository;
import org.presenceagent.infrastructure.persistence.IndexedSubscriptionRepository;

/**
 * The parts of a running node that the cluster changes from outside a request: the in-memory
 * repositories (caches of the shared tables), their timers, the presentities' turns and the notifier.
 *
 * @param bindings present when registrations are part of the presence document ({@code use_callbacks=1})
 * @param xcapDocuments what follows a change of an XCAP document this node keeps parsed
 */
public record NodeState(
    PresentitySequencer sequencer,
    NotifyService notifier,
    IndexedPublicationRepository publications,
    PublicationTimers publicationTimers,
    Optional<IndexedBindingRepository> bindings,
    RegistrationTimers registrationTimers,
    IndexedSubscriptionRepository subscriptions,
    SubscriptionTimers subscriptionTimers,
    XcapDocumentChanges xcapDocuments) {}
