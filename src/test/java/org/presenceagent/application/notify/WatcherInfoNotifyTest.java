package org.presenceagent.application.notify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.presenceagent.testing.Commands.ALICE;
import static org.presenceagent.testing.Commands.BOB;
import static org.presenceagent.testing.Commands.CAROL;
import static org.presenceagent.testing.Commands.key;
import static org.presenceagent.testing.Commands.resubscribe;
import static org.presenceagent.testing.Commands.subscribe;
import static org.presenceagent.testing.Commands.subscribeWinfo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.presenceagent.application.RequestRejectedException;
import org.presenceagent.application.port.Notification;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.testing.ApplicationHarness;
import org.presenceagent.testing.RecordingResponders;

/** presence.winfo (RFC 3857) with watcherinfo bodies (RFC 3858): full on subscribe, partial on change. */
class WatcherInfoNotifyTest {

  private final Map<Aor, SubHandling> rules = new ConcurrentHashMap<>();
  private final ApplicationHarness app =
      new ApplicationHarness((watcher, presentity) -> rules.getOrDefault(watcher, SubHandling.CONFIRM));

  private void run(org.presenceagent.application.subscribe.SubscribeCommand command) {
    app.subscribeService().subscribe(command, new RecordingResponders.Subscribe());
  }

  private List<String> winfoBodies() {
    return app.sender.sent().stream()
        .filter(n -> n.key().event().equals("presence.winfo"))
        .map(n -> new String(n.body().orElseThrow().bytes(), UTF_8))
        .toList();
  }

  @Test
  void thePresentitySeesItsWatchersFullThenEachChangeAsAPartialWithTheNextVersion() {
    run(subscribe("bob-call", BOB, ALICE, 600));
    run(subscribeWinfo("winfo-call", ALICE, ALICE, 600));

    Notification first = app.sender.last();
    assertThat(first.key().event()).isEqualTo("presence.winfo");
    assertThat(first.body().orElseThrow().contentType()).isEqualTo("application/watcherinfo+xml");
    assertThat(winfoBodies().get(0))
        .contains("urn:ietf:params:xml:ns:watcherinfo").contains("version=\"0\"").contains("state=\"full\"")
        .contains("resource=\"sip:alice@example.com\"").contains("package=\"presence\"")
        .contains("status=\"pending\"").contains("event=\"subscribe\"").contains(">sip:bob@example.com</watcher>");

    run(subscribe("carol-call", CAROL, ALICE, 600));
    assertThat(winfoBodies().get(1)).contains("version=\"1\"").contains("state=\"partial\"")
        .contains("sip:carol@example.com").doesNotContain("sip:bob@example.com");

    rules.put(BOB, SubHandling.ALLOW);
    app.authorizeService().authorize(ALICE);
    assertThat(winfoBodies().get(2)).contains("version=\"2\"").contains("status=\"active\"")
        .contains("event=\"approved\"").contains("sip:bob@example.com");

    run(resubscribe("bob-call", BOB, ALICE, 600, 2, "sip:bob@192.0.2.1:5060"));
    assertThat(winfoBodies()).as("a refresh changes nothing for the winfo watchers").hasSize(3);

    run(resubscribe("bob-call", BOB, ALICE, 0, 3, "sip:bob@192.0.2.1:5060"));
    assertThat(winfoBodies().get(3)).contains("version=\"3\"").contains("status=\"terminated\"")
        .contains("event=\"timeout\"");
  }

  @Test
  void aWatcherDroppedAfterAFailedNotifyIsReportedTerminated() {
    rules.put(BOB, SubHandling.ALLOW);
    run(subscribeWinfo("winfo-call", ALICE, ALICE, 600));
    run(subscribe("bob-call", BOB, ALICE, 600));
    assertThat(winfoBodies()).hasSize(2);

    assertThat(app.notifyResponseService(false).onFinalResponse(key("bob-call"), 481).join()).isTrue();

    assertThat(winfoBodies()).hasSize(3);
    assertThat(winfoBodies().get(2)).contains("version=\"2\"").contains("state=\"partial\"")
        .contains("status=\"terminated\"").contains("event=\"timeout\"").contains(">sip:bob@example.com</watcher>");
    run(subscribeWinfo("winfo-call-2", ALICE, ALICE, 600));
    assertThat(winfoBodies().get(3)).as("the next full document no longer lists him")
        .contains("state=\"full\"").doesNotContain("sip:bob@example.com");
  }

  @Test
  void aDroppedWinfoSubscriptionIsNotReportedToItself() {
    run(subscribeWinfo("winfo-call", ALICE, ALICE, 600));

    assertThat(app.notifyResponseService(false).onFinalResponse(new org.presenceagent.domain.subscription.SubscriptionKey("winfo-call", "watcher-tag", "presence.winfo", ""), 481).join()).isTrue();

    assertThat(winfoBodies()).hasSize(1);
  }

  @Test
  void onlyThePresentityMayWatchItsWatchersUnderImplicitWinfoAuth() {
    RecordingResponders.Subscribe responder = new RecordingResponders.Subscribe();
    assertThat(org.presenceagent.testing.Rejections.rejection(responder,
        () -> app.subscribeService().subscribe(subscribeWinfo("eve-call", BOB, ALICE, 600), responder)).status())
        .isEqualTo(403);
    assertThat(app.subscriptions.findAll()).isEmpty();
  }
}
