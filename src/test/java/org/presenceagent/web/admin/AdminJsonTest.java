package org.presenceagent.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.manage.BindingView;
import org.presenceagent.application.manage.CleanupResult;
import org.presenceagent.application.manage.PresentityDetails;
import org.presenceagent.application.manage.PresentitySummary;
import org.presenceagent.application.manage.PublicationView;
import org.presenceagent.application.manage.StateDump;
import org.presenceagent.application.manage.SubscriptionView;
import org.presenceagent.application.port.ClusterView;
import org.presenceagent.application.publish.PublishResult;
import org.presenceagent.domain.shared.ETag;

class AdminJsonTest {

  private static final Instant LATER = Instant.parse("2026-01-01T10:00:00Z");
  private static final PresentitySummary ALICE = new PresentitySummary("sip:alice@example.com", 1, 1, 2, true);

  /** Written and read back, so the test sees what a client parses. */
  private static JsonObject roundTrip(JsonObject object) {
    return Json.createReader(new StringReader(AdminJson.text(object))).readObject();
  }

  @Test
  void detailsCarryTheSummaryTheDocumentAndTheLists() {
    JsonObject json = roundTrip(AdminJson.details(new PresentityDetails(ALICE, Optional.of("<presence/>"),
        List.of(new PublicationView("e1", "presence", "application/pidf+xml", LATER, 30)),
        List.of(new BindingView("sip:alice@192.0.2.1", "0.5", "", "call-1", LATER, 40)))));

    assertThat(json.getString("presentity")).isEqualTo("sip:alice@example.com");
    assertThat(json.getInt("subscriptions")).isEqualTo(2);
    assertThat(json.getBoolean("online")).isTrue();
    assertThat(json.getString("presenceDocument")).isEqualTo("<presence/>");
    JsonObject publication = json.getJsonArray("publicationList").getJsonObject(0);
    assertThat(publication.getString("etag")).isEqualTo("e1");
    assertThat(publication.getString("expiresAt")).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(publication.getJsonNumber("expiresIn").longValue()).isEqualTo(30);
    JsonObject registration = json.getJsonArray("registrationList").getJsonObject(0);
    assertThat(registration.getString("contact")).isEqualTo("sip:alice@192.0.2.1");
    assertThat(registration.getString("q")).isEqualTo("0.5");
  }

  @Test
  void aPresentityWithoutDocumentHasANullOne() {
    JsonObject json = roundTrip(AdminJson.details(new PresentityDetails(ALICE, Optional.empty(), List.of(), List.of())));

    assertThat(json.isNull("presenceDocument")).isTrue();
    assertThat(json.getJsonArray("publicationList")).isEmpty();
  }

  @Test
  void subscriptionsCarryTheirIdWatcherStateAndCallId() {
    SubscriptionView view = new SubscriptionView("presence|tag|call@host", "sip:bob@example.com",
        "sip:alice@example.com", "presence", "active", "application/pidf+xml", LATER, 59, "call@host", 3);

    JsonObject json = roundTrip(AdminJson.terminated(view, "noresource"));

    assertThat(json.getString("reason")).isEqualTo("noresource");
    JsonObject subscription = json.getJsonObject("terminated");
    assertThat(subscription.getString("id")).isEqualTo("presence|tag|call@host");
    assertThat(subscription.getString("watcher")).isEqualTo("sip:bob@example.com");
    assertThat(subscription.getString("state")).isEqualTo("active");
    assertThat(subscription.getString("callId")).isEqualTo("call@host");
    assertThat(subscription.getJsonNumber("notifications").longValue()).isEqualTo(3);
  }

  @Test
  void dumpPublicationCleanupAndErrors() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("default_expires", "3600");
    settings.put("auth", "xcap");
    JsonObject dump = roundTrip(AdminJson.dump(new StateDump(4, 5, 6, Map.of("presence/active", 6), settings,
        List.of(ALICE))));
    assertThat(dump.getInt("publications")).isEqualTo(4);
    assertThat(dump.getJsonObject("subscriptionsByEventAndState").getInt("presence/active")).isEqualTo(6);
    assertThat(dump.getJsonObject("settings").keySet()).containsExactly("default_expires", "auth");
    assertThat(dump.getJsonArray("presentities").getJsonObject(0).getString("presentity"))
        .isEqualTo("sip:alice@example.com");

    JsonObject published = roundTrip(AdminJson.published("sip:alice@example.com", new PublishResult(new ETag("e9"), 120)));
    assertThat(published.getString("etag")).isEqualTo("e9");
    assertThat(published.getInt("expires")).isEqualTo(120);

    assertThat(roundTrip(AdminJson.cleanup(new CleanupResult(1, 2, 3, 4))).getInt("offlineWatchers")).isEqualTo(4);

    JsonObject error = roundTrip(AdminJson.error(404, "no \"such\" thing"));
    assertThat(error.getInt("status")).isEqualTo(404);
    assertThat(error.getString("message")).isEqualTo("no \"such\" thing");
  }

  @Test
  void settingChangesTakeStringsNumbersAndBooleans() {
    assertThat(AdminJson.settingChanges("{\"a\": \"1\", \"b\": 0, \"c\": true, \"d\": false}"))
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "0"), Map.entry("c", "1"), Map.entry("d", "0"));
    assertThatThrownBy(() -> AdminJson.settingChanges("[1]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AdminJson.settingChanges("{\"a\": ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> AdminJson.settingChanges("{\"a\": null}")).hasMessageContaining("string, number or boolean");
  }

  @Test
  void aSingleNodesClusterViewSaysSingleNodeAndNothingElse() {
    JsonObject json = roundTrip(AdminJson.cluster(ClusterView.singleNode()));
    assertThat(json.getString("mode")).isEqualTo("single node");
    assertThat(json.getBoolean("clustered")).isFalse();
    assertThat(json.keySet()).containsExactlyInAnyOrder("mode", "clustered");
  }

  @Test
  void aClusterViewListsTheNodesTheirOwnersAndThisNodesLag() {
    ClusterView view = new ClusterView(true, "node-a", LATER, true, 4,
        List.of(new ClusterView.Member("node-a", 4, true, LATER.minusSeconds(60), LATER.minusSeconds(1),
                LATER.plusSeconds(9), 9000, 30),
            new ClusterView.Member("node-b", 2, false, LATER.minusSeconds(90), LATER.minusSeconds(20),
                LATER.minusSeconds(10), -10000, 5)),
        40, 10, new ClusterView.ChangeFeedLag(120, 125, 350, 77), 2, 1);

    JsonObject json = roundTrip(AdminJson.cluster(view));

    assertThat(json.getString("mode")).isEqualTo("cluster");
    assertThat(json.getString("nodeId")).isEqualTo("node-a");
    assertThat(json.getString("databaseTime")).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(json.getBoolean("leaseHeld")).isTrue();
    assertThat(json.getJsonNumber("generation").longValue()).isEqualTo(4);
    assertThat(json.getJsonNumber("subscriptions").longValue()).isEqualTo(40);
    assertThat(json.getJsonNumber("orphanedSubscriptions").longValue()).isEqualTo(10);
    assertThat(json.getJsonNumber("ownerAliveRefusals").longValue()).isEqualTo(2);
    assertThat(json.getJsonNumber("dialogsAdopted").longValue()).isEqualTo(1);
    JsonObject feed = json.getJsonObject("changeFeed");
    assertThat(feed.getJsonNumber("position").longValue()).isEqualTo(120);
    assertThat(feed.getJsonNumber("head").longValue()).isEqualTo(125);
    assertThat(feed.getJsonNumber("behind").longValue()).isEqualTo(5);
    assertThat(feed.getJsonNumber("millisSinceLastRead").longValue()).isEqualTo(350);
    assertThat(feed.getJsonNumber("changesApplied").longValue()).isEqualTo(77);
    JsonObject b = json.getJsonArray("nodes").getJsonObject(1);
    assertThat(b.getString("nodeId")).isEqualTo("node-b");
    assertThat(b.getBoolean("self")).isFalse();
    assertThat(b.getBoolean("alive")).isFalse();
    assertThat(b.getString("startedAt")).isEqualTo("2026-01-01T09:58:30Z");
    assertThat(b.getString("lastRenewal")).isEqualTo("2026-01-01T09:59:40Z");
    assertThat(b.getString("leaseUntil")).isEqualTo("2026-01-01T09:59:50Z");
    assertThat(b.getJsonNumber("leaseLeftMillis").longValue()).isEqualTo(-10000);
    assertThat(b.getJsonNumber("subscriptionsOwned").longValue()).isEqualTo(5);
    assertThat(json.getJsonArray("nodes").getJsonObject(0).getBoolean("self")).isTrue();
  }
}
