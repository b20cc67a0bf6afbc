package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NOTIFY flow over real sockets: RFC 6446 rate control asked for in the Event header, reflected in
 * Subscription-State and applied; one NOTIFY in flight per dialog, later changes merged.
 */
class NotifyRateIT {

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension().param("auth", "none");

  private static Request subscribe(SipTestClient client, String watcher, String presentity, String event) throws Exception {
    Request subscribe = SubscriptionDialog.initialRequest(client, watcher, presentity, 600, List.of());
    SipTestClient.setHeader(subscribe, "Event", event);
    return subscribe;
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void maxRateIsReflectedAndSpacesTheNotifiesOfQuickChanges(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient publisherClient = new SipTestClient(transport, SERVER.sipPort())) {
      String presentity = TestAors.unique("alice");
      Response ok = client.call(subscribe(client, TestAors.unique("watcher"), presentity, "presence;max-rate=1"));
      assertThat(ok.getStatusCode()).isEqualTo(200);
      assertThat(Notifies.state(Notifies.next(client))).contains("max-rate=1");

      Publisher publisher = new Publisher(publisherClient);
      String etag = Publisher.etag(publisher.publish(presentity, 600, null, Pidf.open(presentity, "t1", "first")));
      for (String note : List.of("second", "third", "fourth")) {
        etag = Publisher.etag(publisher.publish(presentity, 600, etag, Pidf.open(presentity, "t1", note)));
      }

      List<Long> arrivals = new ArrayList<>();
      List<Request> notifies = new ArrayList<>();
      Request notify;
      while ((notify = client.awaitRequest(Request.NOTIFY, 3000)) != null) {
        arrivals.add(System.nanoTime());
        notifies.add(notify);
        if (Notifies.body(notify).contains("fourth")) {
          break;
        }
      }
      assertThat(notifies).as("the latest state arrives").isNotEmpty();
      assertThat(Notifies.body(notifies.get(notifies.size() - 1))).contains("fourth");
      assertThat(notifies).as("four changes within a second: merged").hasSizeLessThanOrEqualTo(2);
      for (int i = 1; i < arrivals.size(); i++) {
        assertThat(TimeUnit.NANOSECONDS.toMillis(arrivals.get(i) - arrivals.get(i - 1)))
            .as("NOTIFYs at most max-rate=1 a second").isGreaterThanOrEqualTo(900);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void minRateBringsTheStateWithoutChanges(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort())) {
      Response ok = client.call(subscribe(client, TestAors.unique("watcher"), TestAors.unique("alice"), "presence;min-rate=2"));
      assertThat(ok.getStatusCode()).isEqualTo(200);
      assertThat(Notifies.state(Notifies.next(client))).contains("min-rate=2");

      long start = System.nanoTime();
      Request second = Notifies.next(client);
      Request third = Notifies.next(client);

      assertThat(Notifies.state(third)).startsWith("active;expires=");
      assertThat(second).isNotNull();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("two more within about a second")
          .isLessThan(3000);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"presence;max-rate=0", "presence;min-rate=abc", "presence;adaptive-min-rate=123"})
  void anInvalidRateIsBadRequest(String event) throws Exception {
    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      Response answer = client.call(subscribe(client, TestAors.unique("watcher"), TestAors.unique("alice"), event));

      assertThat(answer.getStatusCode()).isEqualTo(400);
      assertThat(answer.getReasonPhrase()).contains("rate");
      assertThat(client.awaitRequest(Request.NOTIFY, 500)).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void aWatcherSlowToAnswerGetsOneNotifyAtATimeEndingOnTheLatestState(String transport) throws Exception {
    try (SipTestClient client = new SipTestClient(transport, SERVER.sipPort());
        SipTestClient publisherClient = new SipTestClient(transport, SERVER.sipPort())) {
      String presentity = TestAors.unique("alice");
      SubscriptionDialog.subscribe(client, TestAors.unique("watcher"), presentity, 600);
      Notifies.next(client);
      client.answerNotifiesWith(request -> {
        sleep(300); // a slow phone: answers each NOTIFY after 300 ms
        return 200;
      });

      Publisher publisher = new Publisher(publisherClient);
      String etag = Publisher.etag(publisher.publish(presentity, 600, null, Pidf.open(presentity, "t1", "change-0")));
      for (int i = 1; i < 10; i++) {
        etag = Publisher.etag(publisher.publish(presentity, 600, etag, Pidf.open(presentity, "t1", "change-" + i)));
      }

      List<Request> notifies = new ArrayList<>();
      Request notify;
      while ((notify = client.awaitRequest(Request.NOTIFY, 3000)) != null) {
        notifies.add(notify);
        if (Notifies.body(notify).contains("change-9")) {
          break;
        }
      }
      assertThat(notifies).isNotEmpty();
      assertThat(Notifies.body(notifies.get(notifies.size() - 1))).contains("change-9");
      assertThat(notifies).as("ten changes while NOTIFYs wait for the slow answers: merged").hasSizeLessThan(10);
      assertThat(client.awaitRequest(Request.NOTIFY, 1000)).as("nothing after the latest state").isNull();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
