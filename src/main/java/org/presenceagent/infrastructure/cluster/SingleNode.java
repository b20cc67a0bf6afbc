package org.presenceagent.infrastructure.cluster;

import java.util.Optional;
import org.presenceagent.application.notify.NotifyService;
import org.presenceagent.application.port.ClusterOverview;
import org.presenceagent.application.port.NotifySender;
import org.presenceagent.application.port.OrphanedDialogs;
import org.presenceagent.infrastructure.persistence.BindingStore;
import org.presenceagent.infrastructure.persistence.PresentityChangeWrites;
import org.presenceagent.infrastructure.persistence.SubscriptionStore;
import org.presenceagent.infrastructure.persistence.WatcherChangeWrites;

/** {@code cluster=0}: every part as it is, nothing started. */
enum SingleNode implements ClusterMode {
  INSTANCE;

  @Override
  public PresentityChangeWrites changeWrites() {
    return PresentityChangeWrites.NONE;
  }

  @Override
  public WatcherChangeWrites watcherChangeWrites() {
    return WatcherChangeWrites.NONE;
  }

  @Override
  public SubscriptionStore subscriptionStore(SubscriptionStore stored) {
    return stored;
  }

  @Override
  public BindingStore bindingStore(BindingStore stored) {
    return stored;
  }

  @Override
  public NotifySender notifySender(NotifySender sender) {
    return sender;
  }

  @Override
  public NotifyService.CseqReservations cseqReservations(NotifyService.CseqReservations reservations) {
    return reservations;
  }

  @Override
  public OrphanedDialogs orphanedDialogs() {
    return OrphanedDialogs.NONE;
  }

  @Override
  public Optional<ClusterStatus> status() {
    return Optional.empty();
  }

  @Override
  public ClusterOverview overview() {
    return ClusterOverview.SINGLE_NODE;
  }

  @Override
  public void start(NodeState state) {
    // nothing to join
  }

  @Override
  public void close() {
    // nothing started
  }
}
