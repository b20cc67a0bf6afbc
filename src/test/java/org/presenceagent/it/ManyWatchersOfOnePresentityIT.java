package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many watchers subscribing to one presentity at once, over real UDP with the shipped database
 * (H2, {@code use_db=1}): their subscriptions are stored side by side (their writes share group
 * commits instead of one commit after another), each watcher gets its 200 and its NOTIFYs, and
 * every one of them ends on the presentity's last state after a PUBLISH.
 */
class ManyWatchersOfOnePresentityIT {

  private static final int WATCHERS = 200;

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "none")
      // Isolates what is tested here from the presentity's own refusal limit.
      .param("overload_presentity_queue", "10000")
      .param("overload_retry_after", "1");

  @Test
  void aBurstOfWatchersIsStoredInSharedCommitsAndEveryWatcherSeesTheLastChange() throws Exception {
    String presentity = TestAors.unique("popular");
    try (SipTestClient publisherClient = new SipTestClient("udp", SERVER.sipPort());
        UdpBurst watchers = new UdpBurst(SERVER.sipPort()).retryingRefused()) {
      Publisher publisher = new Publisher(publisherClient);
      javax.sip.message.Response first = publisher.publish(presentity, 600, null, Pidf.open(presentity, "t", "before"));
      assertThat(first.getStatusCode()).isEqualTo(200);
      long unitsBefore = SERVER.metric("presence_db_commit_units_total");
      long batchesBefore = SERVER.metric("presence_db_commit_batches_total");

      watchers.subscribeTo(presentity, WATCHERS);
      // On a loaded machine the server-wide overload tests may refuse some of the burst: those
      // watchers come back after Retry-After, as phones do.
      Map<Integer, Integer> byStatus = watchers.collect(60_000);

      assertThat(byStatus).as("answers (0: none; %d refusals retried)", watchers.refusals())
          .isEqualTo(Map.of(200, WATCHERS));
      List<String> accepted = new ArrayList<>();
      watchers.responses().forEach((callId, response) -> {
        if (response.startsWith("SIP/2.0 200")) {
          accepted.add(callId);
        }
      });
      long units = SERVER.metric("presence_db_commit_units_total") - unitsBefore;
      long batches = SERVER.metric("presence_db_commit_batches_total") - batchesBefore;
      assertThat(units).as("one unit per accepted subscription").isGreaterThanOrEqualTo(accepted.size());
      assertThat(batches).as("%d units in %d commits: watchers of one presentity share commits", units, batches)
          .isLessThan(units);
      assertThat(watchers.awaitLastNotifyContaining(accepted, "before", 20_000))
          .as("every accepted watcher got the state it subscribed to").isEmpty();

      assertThat(publisher.publish(presentity, 600, Publisher.etag(first), Pidf.open(presentity, "t", "after")).getStatusCode())
          .isEqualTo(200);

      // The modified publication replaces the first one: the last NOTIFY shows "after" only.
      Set<String> missing = watchers.awaitLastNotifyContaining(accepted, "after", 30_000);
      assertThat(missing).as("watchers whose last NOTIFY is not the last change").isEmpty();
    }
  }
}
