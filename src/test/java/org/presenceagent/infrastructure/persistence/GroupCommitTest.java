package org.presenceagent.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.presenceagent.domain.shared.Aor;
import org.presenceagent.domain.shared.UnitOfWork;
import org.presenceagent.domain.subscription.DialogState;
import org.presenceagent.domain.subscription.NotifyRate;
import org.presenceagent.domain.subscription.Subscription;
import org.presenceagent.domain.subscription.SubscriptionKey;
import org.presenceagent.testing.MutableClock;

/** The group commit on a real (in-memory H2) database, through the subscription store. */
class GroupCommitTest {

  private static final Aor ALICE = Aor.parse("sip:alice@example.com");
  private static final Aor BOB = Aor.parse("sip:bob@example.com");

  private final AtomicInteger transactions = new AtomicInteger();
  private final Database database =
      Database.open("jdbc:h2:mem:group-commit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "", "");
  private final TransactionRunner runner = database.transactions((elapsed, committed) -> transactions.incrementAndGet());
  private final ExecutorService completions = Executors.newFixedThreadPool(2);
  private final GroupCommit groupCommit = new GroupCommit(runner, completions);
  private final JpaSubscriptionStore store = new JpaSubscriptionStore(runner);
  private final MutableClock clock = new MutableClock();

  @AfterEach
  void close() {
    groupCommit.close();
    completions.shutdown();
    database.close();
  }

  private Subscription subscription(String callId, String remoteTarget) {
    return Subscription.create(new SubscriptionKey(callId, "tag", "presence", ""), ALICE, BOB, Optional.empty(),
        "application/pidf+xml", new DialogState(callId, "ours", "tag", remoteTarget, List.of(), 1, 0, "udp"), true,
        Duration.ofSeconds(600), NotifyRate.NONE, clock);
  }

  @Test
  void manyUnitsShareFewTransactionsAndEachCompletesOnceCommitted() {
    List<CompletableFuture<Void>> written = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      written.add(groupCommit.write(List.of(store.insert(subscription("call-" + i, "sip:bob@192.0.2.1")))));
    }

    CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).join();

    assertThat(store.loadAll()).hasSize(500);
    assertThat(groupCommit.units()).isEqualTo(500);
    assertThat(groupCommit.batches()).as("batched").isLessThan(500).isGreaterThanOrEqualTo(500 / GroupCommit.MAX_BATCH);
  }

  @Test
  void aUnitTheDatabaseRefusesFailsAloneAndTheOthersOfItsBatchAreStored() {
    String tooLong = "sip:bob@" + "x".repeat(2000) + ".example.com"; // remote_target is VARCHAR(1024)
    List<CompletableFuture<Void>> written = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      written.add(groupCommit.write(List.of(store.insert(subscription("call-" + i, i == 25 ? tooLong : "sip:bob@192.0.2.1")))));
    }

    CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();

    assertThat(written.get(25)).isCompletedExceptionally();
    assertThat(written.stream().filter(CompletableFuture::isCompletedExceptionally)).hasSize(1);
    assertThat(store.loadAll()).extracting(stored -> stored.key().callId()).hasSize(49).doesNotContain("call-25");
  }

  @Test
  void aUnitsWritesAreOneTransactionWholeOrNotAtAll() {
    String tooLong = "sip:bob@" + "x".repeat(2000) + ".example.com";
    CompletableFuture<Void> unit = groupCommit.write(List.of(
        store.insert(subscription("good", "sip:bob@192.0.2.1")),
        store.insert(subscription("bad", tooLong))));

    unit.exceptionally(failure -> null).join();

    assertThat(unit).isCompletedExceptionally();
    assertThat(store.loadAll()).as("the good half was rolled back with the bad").isEmpty();
  }

  @Test
  void storedChangesApplyToMemoryOnlyAfterTheCommitAndNotAtAllWhenItFails() {
    IndexedSubscriptionRepository subscriptions = new IndexedSubscriptionRepository(store);
    UnitOfWork.Factory units = StoredChanges.committedBy(groupCommit);
    String tooLong = "sip:bob@" + "x".repeat(2000) + ".example.com";

    UnitOfWork refused = units.begin();
    subscriptions.save(refused, subscription("refused", tooLong));
    assertThat(subscriptions.findAll()).as("not before the commit").isEmpty();
    CompletableFuture<Void> failed = refused.commit().toCompletableFuture();
    failed.exceptionally(failure -> null).join();

    UnitOfWork accepted = units.begin();
    subscriptions.save(accepted, subscription("accepted", "sip:bob@192.0.2.1"));
    accepted.commit().toCompletableFuture().join();

    assertThat(failed).isCompletedExceptionally();
    assertThat(subscriptions.findAll()).extracting(stored -> stored.key().callId()).containsExactly("accepted");
  }

  @Test
  void closeWritesWhatIsQueuedBeforeStopping() {
    List<CompletableFuture<Void>> written = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      written.add(groupCommit.write(List.of(store.insert(subscription("call-" + i, "sip:bob@192.0.2.1")))));
    }

    groupCommit.close();

    assertThat(written).allSatisfy(future -> assertThat(future.join()).isNull());
    assertThat(groupCommit.write(List.of(store.insert(subscription("late", "sip:bob@192.0.2.1")))))
        .isCompletedExceptionally();
    assertThat(store.loadAll()).hasSize(200);
  }
}
