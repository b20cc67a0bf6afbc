package org.presenceagent.infrastructure.cluster;

import java.util.Optional;
import java.util.function.Supplier;
import org.presenceagent.application.port.Notification;
import org.presenceagent.application.port.NotifySender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a NOTIFY only while this node holds its lease by its local deadline (docs/scale-out.md,
 * "Local deadline"): a node paused or cut off past it sends nothing, so a peer that takes its dialogs
 * over never shares them. A NOTIFY held back here is not failed (that would end the subscription in
 * the database, which the peer is about to continue): the dialog waits, and is forgotten when the
 * membership reports the lease lost ({@link OwnedDialogs#lost}).
 */
final class LeaseGuardedNotifySender implements NotifySender {

  private static final Logger LOG = LoggerFactory.getLogger(LeaseGuardedNotifySender.class);

  private final NotifySender sender;
  private final Supplier<Optional<NodeFence>> fence;

  LeaseGuardedNotifySender(NotifySender sender, Supplier<Optional<NodeFence>> fence) {
    this.sender = sender;
    this.fence = fence;
  }

  @Override
  public void send(Notification notification) {
    if (fence.get().isEmpty()) {
      LOG.debug("lease not held: NOTIFY CSeq {} withheld", notification.cseq());
      return;
    }
    sender.send(notification);
  }
}
