package org.presenceagent.web.admin;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.presenceagent.application.manage.BindingView;
import org.presenceagent.application.manage.CleanupResult;
import org.presenceagent.application.manage.LiveSettings;
import org.presenceagent.application.manage.PresentityDetails;
import org.presenceagent.application.manage.PresentitySummary;
import org.presenceagent.application.manage.PublicationView;
import org.presenceagent.application.manage.StateDump;
import org.presenceagent.application.manage.SubscriberView;
import org.presenceagent.application.manage.SubscriptionView;
import org.presenceagent.application.port.ClusterView;
import org.presenceagent.application.publish.PublishResult;

/**
 * The JSON of the admin API (Jakarta JSON Processing): one method per management view, with the
 * same member names as the JMX composite items. Instants are ISO-8601 strings, counts numbers.
 */
final class AdminJson {

  /** Looked up once: the provider lookup scans the class path. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private AdminJson() {}

  static JsonObject summary(PresentitySummary summary) {
    return summaryMembers(summary).build();
  }

  static JsonArray summaries(List<PresentitySummary> summaries) {
    return array(summaries, AdminJson::summary);
  }

  static JsonObject details(PresentityDetails details) {
    JsonObjectBuilder object = summaryMembers(details.summary());
    details.presenceDocument().ifPresentOrElse(
        document -> object.add("presenceDocument", document), () -> object.addNull("presenceDocument"));
    return object
        .add("publicationList", array(details.publications(), AdminJson::publication))
        .add("registrationList", array(details.registrations(), AdminJson::registration))
        .build();
  }

  static JsonObject publication(PublicationView view) {
    return JSON.createObjectBuilder()
        .add("etag", view.etag())
        .add("event", view.event())
        .add("contentType", view.contentType())
        .add("expiresAt", view.expiresAt().toString())
        .add("expiresIn", view.expiresIn())
        .build();
  }

  static JsonObject registration(BindingView view) {
    return JSON.createObjectBuilder()
        .add("contact", view.contact())
        .add("q", view.q())
        .add("instanceId", view.instanceId())
        .add("callId", view.callId())
        .add("expiresAt", view.expiresAt().toString())
        .add("expiresIn", view.expiresIn())
        .build();
  }

  static JsonObject subscription(SubscriptionView view) {
    return JSON.createObjectBuilder()
        .add("id", view.id())
        .add("watcher", view.watcher())
        .add("presentity", view.presentity())
        .add("event", view.event())
        .add("state", view.state())
        .add("contentType", view.contentType())
        .add("expiresAt", view.expiresAt().toString())
        .add("expiresIn", view.expiresIn())
        .add("callId", view.callId())
        .add("notifications", view.notifications())
        .build();
  }

  static JsonArray subscriptions(List<SubscriptionView> views) {
    return array(views, AdminJson::subscription);
  }

  static JsonObject terminated(SubscriptionView view, String reason) {
    return JSON.createObjectBuilder().add("terminated", subscription(view)).add("reason", reason).build();
  }

  static JsonObject published(String presentity, PublishResult result) {
    return JSON.createObjectBuilder()
        .add("presentity", presentity)
        .add("etag", result.etag().value())
        .add("expires", result.expiresSeconds())
        .build();
  }

  static JsonObject authorized(String presentity) {
    return JSON.createObjectBuilder().add("presentity", presentity).add("authorized", true).build();
  }

  static JsonObject online(String presentity, boolean online) {
    return JSON.createObjectBuilder().add("presentity", presentity).add("online", online).build();
  }

  static JsonObject cleanup(CleanupResult result) {
    return JSON.createObjectBuilder()
        .add("subscriptions", result.subscriptions())
        .add("publications", result.publications())
        .add("registrations", result.registrations())
        .add("offlineWatchers", result.offlineWatchers())
        .build();
  }

  static JsonObject dump(StateDump dump) {
    JsonObjectBuilder byState = JSON.createObjectBuilder();
    dump.subscriptionsByEventAndState().forEach(byState::add);
    return JSON.createObjectBuilder()
        .add("publications", dump.publications())
        .add("registrations", dump.registrations())
        .add("subscriptions", dump.subscriptions())
        .add("subscriptionsByEventAndState", byState)
        .add("presentities", summaries(dump.presentities()))
        .add("settings", settings(dump.settings()))
        .build();
  }

  static JsonObject settings(Map<String, String> settings) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    settings.forEach(object::add);
    return object.build();
  }

  /**
   * The changes of a {@code PUT /admin/settings}: one JSON object of parameter names to values,
   * given as strings, numbers or booleans ({@code "1"}, {@code 1} and {@code true} are equal).
   *
   * @throws IllegalArgumentException when the text is not such an object
   */
  static Map<String, String> settingChanges(String text) {
    JsonObject object;
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      object = reader.readObject();
    } catch (JsonException e) {
      throw new IllegalArgumentException("the body is not a JSON object: " + e.getMessage());
    }
    Map<String, String> changes = new LinkedHashMap<>();
    object.forEach((name, value) -> changes.put(name, switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> value.toString();
      case TRUE -> "1";
      case FALSE -> "0";
      default -> throw new IllegalArgumentException("the value of " + name + " must be a string, number or boolean");
    }));
    return changes;
  }

  static JsonObject subscriber(SubscriberView view) {
    JsonArrayBuilder algorithms = JSON.createArrayBuilder();
    view.algorithms().forEach(algorithms::add);
    return JSON.createObjectBuilder().add("aor", view.aor()).add("realm", view.realm()).add("algorithms", algorithms)
        .add("source", view.source()).build();
  }

  static JsonArray subscribers(List<SubscriberView> views) {
    return array(views, AdminJson::subscriber);
  }

  static JsonObject presRules(String presentity, String document) {
    return JSON.createObjectBuilder().add("presentity", presentity).add("document", document).build();
  }

  /** The signed-in operator, the anti-forgery token, and which settings may change at run time. */
  static JsonObject session(ConsoleSessions.Session session) {
    JsonArrayBuilder live = JSON.createArrayBuilder();
    LiveSettings.NAMES.forEach(live::add);
    return JSON.createObjectBuilder()
        .add("operator", session.operator())
        .add("csrfToken", session.csrfToken())
        .add("liveSettings", live)
        .build();
  }

  /** @param time when they were read, milliseconds since the epoch (rates are computed from two readings) */
  static JsonObject counters(LiveCounters counters, long time) {
    JsonObjectBuilder subscriptions = JSON.createObjectBuilder();
    counters.subscriptions().forEach(subscriptions::add);
    return JSON.createObjectBuilder()
        .add("time", time)
        .add("subscriptions", subscriptions)
        .add("presentities", counters.presentities())
        .add("publications", counters.publications())
        .add("registrations", counters.registrations())
        .add("sipRequests", counters.sipRequests())
        .add("notifiesSent", counters.notifiesSent())
        .add("notifiesFailed", counters.notifiesFailed())
        .build();
  }

  /**
   * {@code GET /admin/cluster}: a single node says only {@code "mode": "single node"}; a cluster node
   * gives the registry with owner counts, the orphans and its own lease and change-log position.
   */
  static JsonObject cluster(ClusterView view) {
    JsonObjectBuilder object = JSON.createObjectBuilder().add("mode", view.mode()).add("clustered", view.clustered());
    if (!view.clustered()) {
      return object.build();
    }
    ClusterView.ChangeFeedLag lag = view.changeFeed();
    return object
        .add("nodeId", view.nodeId())
        .add("databaseTime", view.databaseTime().toString())
        .add("leaseHeld", view.leaseHeld())
        .add("generation", view.generation())
        .add("subscriptions", view.subscriptions())
        .add("orphanedSubscriptions", view.orphanedSubscriptions())
        .add("ownerAliveRefusals", view.ownerAliveRefusals())
        .add("dialogsAdopted", view.dialogsAdopted())
        .add("changeFeed", JSON.createObjectBuilder()
            .add("position", lag.position())
            .add("head", lag.head())
            .add("behind", lag.behind())
            .add("millisSinceLastRead", lag.millisSinceLastRead())
            .add("changesApplied", lag.changesApplied()))
        .add("nodes", array(view.nodes(), AdminJson::clusterMember))
        .build();
  }

  private static JsonObject clusterMember(ClusterView.Member node) {
    return JSON.createObjectBuilder()
        .add("nodeId", node.nodeId())
        .add("generation", node.generation())
        .add("self", node.self())
        .add("alive", node.alive())
        .add("startedAt", node.startedAt().toString())
        .add("lastRenewal", node.lastRenewal().toString())
        .add("leaseUntil", node.leaseUntil().toString())
        .add("leaseLeftMillis", node.leaseLeftMillis())
        .add("subscriptionsOwned", node.subscriptionsOwned())
        .build();
  }

  /** The body of every error answer: {@code {"status": 404, "message": "..."}}. */
  static JsonObject error(int status, String message) {
    return JSON.createObjectBuilder().add("status", status).add("message", message).build();
  }

  static String text(JsonObject object) {
    StringWriter out = new StringWriter();
    JSON.createWriter(out).write(object);
    return out.toString();
  }

  static String text(JsonArray array) {
    StringWriter out = new StringWriter();
    JSON.createWriter(out).write(array);
    return out.toString();
  }

  private static JsonObjectBuilder summaryMembers(PresentitySummary summary) {
    return JSON.createObjectBuilder()
        .add("presentity", summary.presentity())
        .add("publications", summary.publications())
        .add("registrations", summary.registrations())
        .add("subscriptions", summary.subscriptions())
        .add("online", summary.online());
  }

  private static <T> JsonArray array(List<T> items, Function<T, JsonObject> mapper) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    items.forEach(item -> array.add(mapper.apply(item)));
    return array.build();
  }
}
