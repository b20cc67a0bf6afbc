package org.presenceagent.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.presenceagent.application.port.Notification;
import org.presenceagent.application.port.NotifyFailedException;
import org.presenceagent.application.port.NotifySender;

/** Records every NOTIFY instead of sending it; CSeqs count up from 1. Can be told to fail. */
public final class RecordingNotifySender implements NotifySender {

  private final List<Notification> sent = new ArrayList<>();
  private Consumer<Notification> listener = notification -> {};
  private long cseq;
  private boolean failing;

  /** The keys whose dialogs were released, in order. */
  public final List<org.presenceagent.domain.subscription.SubscriptionKey> released = new ArrayList<>();

  @Override
  public void release(org.presenceagent.domain.subscription.SubscriptionKey key) {
    released.add(key);
  }

  @Override
  public long send(Notification notification) {
    if (failing) {
      throw new NotifyFailedException("dialog gone (test)");
    }
    sent.add(notification);
    listener.accept(notification);
    return ++cseq;
  }

  /** From now on every send throws {@link NotifyFailedException}. */
  public void failFromNowOn() {
    failing = true;
  }

  /** Called for each NOTIFY sent, e.g. to record the order of events. */
  public void onSend(Consumer<Notification> listener) {
    this.listener = listener;
  }

  public List<Notification> sent() {
    return List.copyOf(sent);
  }

  public Notification last() {
    if (sent.isEmpty()) {
      throw new AssertionError("no NOTIFY was sent");
    }
    return sent.get(sent.size() - 1);
  }

  public void clear() {
    sent.clear();
  }
}
