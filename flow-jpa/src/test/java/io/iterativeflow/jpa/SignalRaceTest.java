package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.SignalDelivery;
import io.iterativeflow.core.spi.SignalWaitOutcome;
import io.iterativeflow.core.spi.SignalWaitOutcome.Kind;
import io.iterativeflow.jpa.testing.Concurrently;
import io.iterativeflow.jpa.testing.PostgresOnly;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A flow arming its wait and a sender delivering the same signal, on real threads and connections. Whichever commits
 * second must see the first: either the wait consumes the buffered signal, or the delivery finds the armed wait and
 * wakes the run. A signal buffered for a run that sleeps for ever is the lost wake-up this must never produce.
 */
class SignalRaceTest extends StoreTestBase {

    private static final int ROUNDS = 50;
    private static final String PAYLOAD = "\"go\"";

    private ExecutorService threads;

    @BeforeEach
    void startThreads() {
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Needs the waiters granted the row in the order they queued: PostgreSQL does, H2 wakes them all at once. */
    @PostgresOnly
    @Test
    void a_wait_armed_first_is_woken_by_the_delivery_that_queued_behind_it() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            db.clearFlowTables();
            ClaimedRun run = startAndClaim(Runs.run("orders"));
            Future<?>[] both = inLockOrder(() -> arm(run), () -> deliver(run));

            assertThat(both[0].get()).extracting(o -> ((SignalWaitOutcome) o).kind()).isEqualTo(Kind.WAITING);
            assertThat(both[1].get()).isEqualTo(SignalDelivery.DELIVERED);
            assertReadyWithOneSignal(run, "delivered");
        }
    }

    /** Needs the waiters granted the row in the order they queued: PostgreSQL does, H2 wakes them all at once. */
    @PostgresOnly
    @Test
    void a_delivery_committed_first_is_consumed_by_the_wait_that_queued_behind_it() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            db.clearFlowTables();
            ClaimedRun run = startAndClaim(Runs.run("orders"));
            Future<?>[] both = inLockOrder(() -> deliver(run), () -> arm(run));

            assertThat(both[0].get()).isEqualTo(SignalDelivery.BUFFERED);
            SignalWaitOutcome armed = (SignalWaitOutcome) both[1].get();
            assertThat(armed.kind()).isEqualTo(Kind.RECEIVED);
            assertThat(armed.payloadJson()).isEqualTo(PAYLOAD);
            assertThat(sql().value("SELECT status FROM workflow.signals")).isEqualTo("consumed");
        }
    }

    @Test
    void released_together_the_wait_and_the_delivery_never_lose_the_wake_up() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            db.clearFlowTables();
            ClaimedRun run = startAndClaim(Runs.run("orders"));
            List<Object> outcomes = Concurrently.run(2, i -> i == 0 ? arm(run) : deliver(run));

            SignalWaitOutcome armed = (SignalWaitOutcome) outcomes.get(0);
            if (armed.kind() == Kind.RECEIVED) {
                assertThat(outcomes.get(1)).isEqualTo(SignalDelivery.BUFFERED);
            } else {
                assertThat(armed.kind()).isEqualTo(Kind.WAITING);
                assertThat(outcomes.get(1)).isEqualTo(SignalDelivery.DELIVERED);
                assertReadyWithOneSignal(run, "delivered");
            }
        }
    }

    private static SignalWaitOutcome arm(ClaimedRun run) {
        return store.awaitSignal(run.fence(), "signal:go", "go", 0, Optional.empty());
    }

    private static SignalDelivery deliver(ClaimedRun run) {
        return store.deliverSignal(run.runId(), "go", PAYLOAD, Optional.empty());
    }

    private void assertReadyWithOneSignal(ClaimedRun run, String signalStatus) {
        assertThat(sql().value("SELECT status FROM workflow.signals")).isEqualTo(signalStatus);
        List<ClaimedRun> woken = store.claim(OWNER, 1, LEASE);
        assertThat(woken).extracting(ClaimedRun::runId).containsExactly(run.runId());
    }

    /**
     * Holds the run's row lock in a transaction of its own, queues {@code first}, then {@code second} behind it
     * (each seen blocked on the lock in {@code pg_stat_activity}), then lets go: PostgreSQL grants the row to the
     * waiters in the order they queued.
     */
    private Future<?>[] inLockOrder(java.util.concurrent.Callable<?> first, java.util.concurrent.Callable<?> second)
            throws Exception {
        try (Connection holder = db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT id FROM workflow.runs FOR UPDATE")) {
                lock.executeQuery().close();
            }
            Future<?> a = threads.submit(first);
            awaitBlocked(1);
            Future<?> b = threads.submit(second);
            awaitBlocked(2);
            holder.commit();
            a.get(1, TimeUnit.MINUTES);
            b.get(1, TimeUnit.MINUTES);
            return new Future<?>[] {a, b};
        }
    }

    private static void awaitBlocked(int sessions) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> sql().count(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock'") == sessions);
    }
}
