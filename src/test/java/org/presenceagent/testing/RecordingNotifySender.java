package org.presenceagent.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.presenceagent.application.port.Notification;
import org.presenceagent.application.port.NotifyFailedException;
import org.presenceagent.application.port.NotifySender;

/**
 * Records every NOTIFY instead of sending it, and plays a watcher that answers each one at once
 * with 200 (so the dialog's next NOTIFY may go), unless told to hold the answers. Can be told to
 * fail.
 */
public final class RecordingNotifySender implements NotifySender {

  private final List<Notification> sent = new ArrayList<>();
  private final List<Notification> unanswered = new ArrayList<>();
  private Consumer<Notification> listener = notification -> {};
  private Consumer<Notification> answerer = notification -> {};
  private boolean failing;
  private boolean holding;

  @Override
  public void send(Notification notification) {
    if (failing) {
      throw new NotifyFailedException("dialog gone (test)");
    }
    sent.add(notification);
    listener.accept(notification);
    if (holding) {
      unanswered.add(notification);
    } else {
      answerer.accept(notification);
    }
  }

  /** How a NOTIFY is answered 200 (the harness connects it to the notifier). */
  public void answerWith(Consumer<Notification> answerer) {
    this.answerer = answerer;
  }

  /** From now on NOTIFYs stay unanswered until {@link #answerAll()}. */
  public void holdAnswers() {
    holding = true;
  }

  /** Answers every NOTIFY held so far, oldest first, and stops holding. */
  public void answerAll() {
    holding = false;
    List<Notification> held = new ArrayList<>(unanswered);
    unanswered.clear();
    held.forEach(answerer);
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
