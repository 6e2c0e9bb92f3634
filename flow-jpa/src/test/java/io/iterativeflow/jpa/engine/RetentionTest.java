package io.iterativeflow.jpa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.config.RetentionSettings;
import io.iterativeflow.core.engine.Engine;
import io.iterativeflow.jpa.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention deletes old terminal runs (with their rows) and old events in small batches, never a run that is not
 * terminal, never waiting for a row another transaction holds.
 */
class RetentionTest extends EngineTestBase {

    private static final int OLD_TERMINAL = 10;

    RetentionTest(TestDatabase db) {
        super(db);
    }

    @BeforeEach
    void runsOfEveryKind() {
        // old terminal runs (finished 40 days ago), each with a step and two events
        insertRuns(OLD_TERMINAL, "(ARRAY['completed','failed','canceled'])[1 + i % 3]",
                "CURRENT_TIMESTAMP - INTERVAL '40' DAY", "old-terminal");
        // recent terminal runs
        insertRuns(3, "'completed'", "CURRENT_TIMESTAMP - INTERVAL '1' DAY", "recent-terminal");
        // old runs that are not terminal; one even carries a finished_at, which must not fool retention
        insertRuns(5, "(ARRAY['pending','running','sleeping','awaiting_signal','retrying'])[1 + i % 5]", "NULL",
                "waiting");
        insertRuns(1, "'pending'", "CURRENT_TIMESTAMP - INTERVAL '90' DAY", "odd-pending");
        db.sql().update("INSERT INTO workflow.steps (run_id, cursor_key, name, kind, status, position, created_at)"
                + " SELECT id, 's', 's', 'step', 'completed', 0, created_at FROM workflow.runs");
        db.sql().update("INSERT INTO workflow.events (run_id, type, at) SELECT id, 'created', created_at"
                + " FROM workflow.runs UNION ALL SELECT id, 'claimed', CURRENT_TIMESTAMP FROM workflow.runs");
    }

    @Test
    void prune_runs_deletes_only_old_terminal_runs_with_their_rows_in_batches() {
        Engine engine = engine(r -> r.withBatchSize(3));

        long deleted = engine.pruneRuns(Duration.ofDays(30));

        assertThat(deleted).isEqualTo(OLD_TERMINAL);
        assertThat(count("flow_name = 'old-terminal'")).isZero();
        assertThat(count("flow_name = 'recent-terminal'")).isEqualTo(3);
        assertThat(count("flow_name = 'waiting'")).isEqualTo(5);
        assertThat(count("flow_name = 'odd-pending'")).isEqualTo(1);
        assertThat(db.sql().count("SELECT count(*) FROM workflow.steps")).isEqualTo(9);
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events")).isEqualTo(18);
        assertThat(engine.pruneRuns(Duration.ofDays(30))).isZero();
    }

    @Test
    void prune_events_deletes_old_events_of_any_run_and_keeps_the_runs() {
        Engine engine = engine(r -> r.withBatchSize(4));

        long deleted = engine.pruneEvents(Duration.ofDays(7));

        assertThat(deleted).isEqualTo(19);
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events")).isEqualTo(19);
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events WHERE type = 'created'")).isZero();
        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs")).isEqualTo(19);
    }

    @Test
    void a_run_locked_by_another_transaction_is_skipped_not_waited_for() throws Exception {
        Engine engine = engine(r -> r.withBatchSize(2));
        try (Connection locker = db.dataSource().getConnection()) {
            Object oldest = db.sql().value("SELECT id FROM workflow.runs WHERE flow_name = 'old-terminal'"
                    + " ORDER BY finished_at LIMIT 1");
            locker.setAutoCommit(false);
            // One row by its key: H2 locks every row a FOR UPDATE query reads, before its LIMIT applies.
            try (PreparedStatement lock = locker.prepareStatement("SELECT id FROM workflow.runs WHERE id = ?"
                    + " FOR UPDATE")) {
                lock.setObject(1, oldest);
                lock.executeQuery().close();
            }

            long deleted = CompletableFuture.supplyAsync(() -> engine.pruneRuns(Duration.ofDays(30)))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(deleted).isEqualTo(OLD_TERMINAL - 1);
            assertThat(count("flow_name = 'old-terminal'")).isEqualTo(1);
            locker.commit();
        }
        assertThat(engine.pruneRuns(Duration.ofDays(30))).isEqualTo(1);
    }

    @Test
    void bad_ages_are_refused_and_nothing_is_deleted() {
        Engine engine = engine(UnaryOperator.identity());

        expectInvalid(() -> engine.pruneRuns(null));
        expectInvalid(() -> engine.pruneRuns(Duration.ofDays(-1)));
        expectInvalid(() -> engine.pruneEvents(Duration.ofSeconds(-1)));

        assertThat(db.sql().count("SELECT count(*) FROM workflow.runs")).isEqualTo(19);
        assertThat(db.sql().count("SELECT count(*) FROM workflow.events")).isEqualTo(38);
    }

    @Test
    void the_configured_schedule_runs_retention_on_the_engines_scheduler() {
        Engine engine = fixture.start(b -> b.settings(EngineFixture.FAST.withRetention(RetentionSettings.off()
                .withRunsOlderThan(Optional.of(Duration.ofDays(30)))
                .withEventsOlderThan(Optional.of(Duration.ofDays(60)))
                .withBatchSize(4)
                .withSchedule("* * * * * *"))));

        await().atMost(WAIT).until(() -> count("flow_name = 'old-terminal'") == 0);
        await().atMost(WAIT).until(() -> db.sql().count("SELECT count(*) FROM workflow.events"
                + " WHERE at < CURRENT_TIMESTAMP - INTERVAL '60' DAY") == 0);

        assertThat(engine.isRunning()).isTrue();
        assertThat(count("flow_name = 'waiting'")).isEqualTo(5);
        assertThat(count("flow_name = 'odd-pending'")).isEqualTo(1);
        assertThat(count("flow_name = 'recent-terminal'")).isEqualTo(3);
    }

    private Engine engine(UnaryOperator<RetentionSettings> retention) {
        return fixture.build(b -> b.settings(EngineFixture.FAST.withRetention(
                retention.apply(RetentionSettings.off()))));
    }

    private void insertRuns(int n, String status, String finishedAt, String flow) {
        db.sql().update("INSERT INTO workflow.runs (id, flow_name, flow_version, status, available_at, created_at,"
                + " updated_at, finished_at) SELECT " + randomUuid() + ", ?, 1, " + status + ", CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP - INTERVAL '100' DAY, CURRENT_TIMESTAMP - INTERVAL '50' DAY, " + finishedAt
                + " FROM generate_series(1, " + n + ") AS g(i)", flow);
    }

    /** A new random UUID in SQL: PostgreSQL and H2 name the function differently. */
    private String randomUuid() {
        return db.isH2() ? "RANDOM_UUID()" : "gen_random_uuid()";
    }

    private long count(String where) {
        return db.sql().count("SELECT count(*) FROM workflow.runs WHERE " + where);
    }

    private static void expectInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FlowException.class,
                e -> assertThat(e.code()).isEqualTo(FlowErrorCode.ARGUMENT_INVALID)).hasMessageContaining("olderThan");
    }
}
