package org.presenceagent.jmx;

import java.util.function.Supplier;
import org.presenceagent.application.identity.SubscriberRejectedException;
import org.presenceagent.application.manage.SubscriberManagement;
import org.presenceagent.application.manage.SubscriberView;

/**
 * The Subscribers MBean: calls {@link SubscriberManagement}; every refusal reaches the console as
 * an {@link IllegalArgumentException} with the reason, and without a cause (a console may not
 * know our exception classes).
 */
final class Subscribers implements SubscribersMBean {

  private final SubscriberManagement management;

  Subscribers(SubscriberManagement management) {
    this.management = management;
  }

  @Override
  public int getSubscriberCount() {
    return management.list().size();
  }

  @Override
  public String[] listSubscribers() {
    return management.list().stream().map(Subscribers::line).toArray(String[]::new);
  }

  @Override
  public String addSubscriber(String aor, String password) {
    return line(refusalsAsArguments(() -> management.add(aor, password)));
  }

  @Override
  public String changePassword(String aor, String password) {
    return line(refusalsAsArguments(() -> management.changePassword(aor, password)));
  }

  @Override
  public void removeSubscriber(String aor) {
    refusalsAsArguments(() -> {
      management.remove(aor);
      return null;
    });
  }

  private static String line(SubscriberView view) {
    return view.aor() + " (" + view.source() + ", realm " + view.realm() + ", " + String.join(" ", view.algorithms()) + ")";
  }

  private static <T> T refusalsAsArguments(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (SubscriberRejectedException | IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }
}
