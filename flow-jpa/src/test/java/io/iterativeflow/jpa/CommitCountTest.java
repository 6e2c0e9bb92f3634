package io.iterativeflow.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.jpa.testing.CountingDataSource;
import io.iterativeflow.jpa.testing.CountingDataSource.Counts;
import io.iterativeflow.jpa.testing.DatabaseTest;
import io.iterativeflow.jpa.testing.PostgresOnly;
import io.iterativeflow.jpa.testing.TestClock;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What each store call costs the database, counted at the JDBC boundary: the hot path is one statement (one round
 * trip) and one commit per call.
 */
@DatabaseTest
@PostgresOnly
class CommitCountTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static CountingDataSource counting;
    private static JpaFlowStore store;
    private static TestDatabase db;

    @BeforeAll
    static void start(TestDatabase database) {
        db = database;
        counting = new CountingDataSource(database.dataSource());
        store = JpaFlowStore.create(counting.dataSource(), new TestClock());
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @BeforeEach
    void clean() {
        db.clearFlowTables();
    }

    @Test
    void create_run_costs_one_statement_and_one_commit() {
        assertThat(cost(() -> store.createRun(Runs.run("orders")))).isEqualTo(new Counts(1, 1));
    }

    @Test
    void a_start_that_finds_its_idempotency_key_taken_costs_one_more_read() {
        store.createRun(Runs.keyed("orders", "k"));

        // both statements commit on their own (auto-commit): two round trips, no separate COMMIT
        assertThat(cost(() -> store.createRun(Runs.keyed("orders", "k")))).isEqualTo(new Counts(2, 2));
    }

    @Test
    void a_claim_of_first_attempts_costs_one_statement_and_one_commit() {
        for (int i = 0; i < 3; i++) {
            store.createRun(Runs.run("orders"));
        }

        assertThat(cost(() -> store.claim("a", 3, LEASE))).isEqualTo(new Counts(1, 1));
    }

    @Test
    void a_claim_of_later_attempts_adds_one_history_read_for_the_whole_batch() {
        for (int i = 0; i < 3; i++) {
            store.createRun(Runs.run("orders"));
        }
        for (ClaimedRun run : store.claim("a", 3, LEASE)) {
            store.release(run.fence(), "test");
        }

        assertThat(cost(() -> store.claim("a", 3, LEASE))).isEqualTo(new Counts(1, 2));
    }

    @Test
    void record_step_costs_one_statement_and_one_commit() {
        store.createRun(Runs.run("orders"));
        ClaimedRun run = store.claim("a", 1, LEASE).get(0);

        assertThat(cost(() -> store.recordStep(run.fence(), new StepCompletion("a", "a", "step", 1, "1", 0))))
                .isEqualTo(new Counts(1, 1));
        assertThat(cost(() -> store.recordStep(run.fence(), new StepCompletion("a", "a", "step", 1, "2", 0))))
                .as("recorded before: the value comes back in the same statement").isEqualTo(new Counts(1, 1));
    }

    @Test
    void every_other_fenced_write_costs_one_statement_and_one_commit() {
        for (int i = 0; i < 4; i++) {
            store.createRun(Runs.run("orders"));
        }
        List<ClaimedRun> runs = store.claim("a", 4, LEASE);

        assertThat(List.of(
                cost(() -> store.recordStepFailure(runs.get(0).fence(), new StepFailure("s", "s", "step", 1,
                        "STEP_FAILED", "x", 0, Optional.of(Duration.ofSeconds(1))))),
                cost(() -> store.suspendForTimer(runs.get(1).fence(), "sleep", "sleep", Optional.empty(),
                        Duration.ofMinutes(1))),
                cost(() -> store.complete(runs.get(2).fence(), "1")),
                cost(() -> store.renewLeases("a", List.of(runs.get(3).runId()), LEASE))))
                .containsOnly(new Counts(1, 1));
        assertThat(cost(() -> store.cancel(runs.get(3).runId(), "x")))
                .as("a second statement looks for descendants created while the cancel waited for a lock")
                .isEqualTo(new Counts(1, 2));
    }

    private static Counts cost(Supplier<?> call) {
        Counts before = counting.counts();
        call.get();
        return counting.since(before);
    }
}
