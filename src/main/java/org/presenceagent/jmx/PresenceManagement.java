package org.presenceagent.jmx;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import javax.management.openmbean.CompositeData;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.manage.ManagementService;
import org.presenceagent.application.manage.PresentitySummary;
import org.presenceagent.application.manage.StateDump;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.domain.subscription.TerminationReason;

/**
 * The presence MBean: each operation parses the console's strings, calls the management service
 * and returns open data. Every failure reaches the console as an {@link IllegalArgumentException}
 * carrying only a message, since a console cannot deserialise our exception classes.
 */
final class PresenceManagement implements PresenceManagementMBean {

  private final ManagementService management;

  PresenceManagement(ManagementService management) {
    this.management = management;
  }

  @Override
  public int getPresentityCount() {
    return management.presentities().size();
  }

  @Override
  public int getPublicationCount() {
    return management.dump().publications();
  }

  @Override
  public int getRegistrationCount() {
    return management.dump().registrations();
  }

  @Override
  public int getSubscriptionCount() {
    return management.dump().subscriptions();
  }

  @Override
  public CompositeData[] listPresentities() {
    return OpenViews.array(management.presentities(), OpenViews::presentity);
  }

  @Override
  public CompositeData showPresentity(String presentity) {
    return console(() -> OpenViews.details(management.presentity(ManagementService.presentityAddress(presentity))
        .orElseThrow(() -> new IllegalArgumentException("nothing is known about " + presentity))));
  }

  @Override
  public String presenceDocument(String presentity) {
    return console(() -> management.presentity(ManagementService.presentityAddress(presentity))
        .orElseThrow(() -> new IllegalArgumentException("nothing is known about " + presentity))
        .presenceDocument().orElse(""));
  }

  @Override
  public CompositeData[] listSubscriptions(String presentity) {
    return console(() -> OpenViews.array(management.subscriptions(ManagementService.presentityAddress(presentity)),
        OpenViews::subscription));
  }

  @Override
  public CompositeData terminateSubscription(String id, String reason) {
    return console(() -> {
      TerminationReason chosen = reason == null || reason.isBlank()
          ? ManagementService.DEFAULT_TERMINATION_REASON
          : ManagementService.terminationReason(reason.trim());
      return OpenViews.subscription(management.terminate(SubscriptionKey.parse(id.trim()), chosen)
          .orElseThrow(() -> new IllegalArgumentException("no subscription " + id)));
    });
  }

  @Override
  public void authorize(String presentity) {
    console(() -> {
      management.authorize(ManagementService.presentityAddress(presentity));
      return null;
    });
  }

  @Override
  public CompositeData publish(String presentity, String contentType, String document, long expires) {
    return console(() -> OpenViews.published(management.publish(ManagementService.presentityAddress(presentity),
        contentType, document.getBytes(StandardCharsets.UTF_8),
        expires < 0 ? OptionalLong.empty() : OptionalLong.of(expires))));
  }

  @Override
  public boolean targetOnline(String presentity) {
    return console(() -> management.targetOnline(ManagementService.presentityAddress(presentity)));
  }

  @Override
  public CompositeData cleanup() {
    return OpenViews.cleanup(management.cleanup());
  }

  @Override
  public String dump() {
    StateDump dump = management.dump();
    StringBuilder text = new StringBuilder();
    text.append("publications: ").append(dump.publications()).append('\n')
        .append("registrations: ").append(dump.registrations()).append('\n')
        .append("subscriptions: ").append(dump.subscriptions()).append('\n');
    dump.subscriptionsByEventAndState().forEach((key, count) ->
        text.append("  ").append(key).append(": ").append(count).append('\n'));
    text.append("presentities: ").append(dump.presentities().size()).append('\n');
    for (PresentitySummary summary : dump.presentities()) {
      text.append("  ").append(summary.presentity())
          .append(" publications=").append(summary.publications())
          .append(" registrations=").append(summary.registrations())
          .append(" subscriptions=").append(summary.subscriptions())
          .append(" online=").append(summary.online()).append('\n');
    }
    text.append("settings:\n");
    for (Map.Entry<String, String> setting : dump.settings().entrySet()) {
      text.append("  ").append(setting.getKey()).append('=').append(setting.getValue()).append('\n');
    }
    return text.toString();
  }

  /** Runs an operation, turning every refusal into a message-only exception a console can show. */
  private static <T> T console(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RequestRejectedException e) {
      throw new IllegalArgumentException("refused (" + e.status() + " " + e.reason() + ")"
          + (e.headers().isEmpty() ? "" : " " + e.headers()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage()); // without a cause the console may not know
    }
  }
}
