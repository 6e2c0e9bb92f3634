package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.SignalWaitOutcome;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code awaitSignal}: one fenced transaction locks the run's row, then, on a fresh snapshot, consumes the oldest
 * stored signal for the name, or records the wait's timeout when its timer is due, or suspends the run until a
 * signal or the timeout arrives.
 */
public final class SignalWaits {

    private static final String LOCK = "SELECT id FROM workflow.runs WHERE " + Sql.FENCED + " FOR UPDATE";

    private static final String OLDEST = """
            SELECT id, CAST(payload AS text) AS payload FROM workflow.signals
            WHERE run_id = :runId AND name = :name AND %s
            ORDER BY id LIMIT 1
            """.formatted(SignalSql.UNCONSUMED);

    private static final String TIMER = """
            SELECT due_at, due_at <= %s AS due FROM workflow.timers WHERE run_id = :runId AND cursor_key = :cursorKey
            """.formatted(Sql.NOW);

    /** Shared tail of consume and time-out: the run goes on running (lease renewed) and forgets its wait. */
    private static final String RESOLVED = """
            , r AS (
                UPDATE workflow.runs SET updated_at = %1$s, lease_expires_at = %2$s, wait_kind = NULL, wait_key = NULL
                WHERE id = :runId
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, cursor_key, detail, at)
                VALUES (:runId, :eventType, :attempt, :cursorKey, :name, %1$s)
            )
            SELECT count(*) AS recorded FROM s
            """.formatted(Sql.NOW, Sql.RENEWED_LEASE);

    private static final String CONSUME = """
            WITH c AS (
                UPDATE workflow.signals SET status = 'consumed', cursor_key = :cursorKey, consumed_at = %1$s
                WHERE id = CAST(:signalId AS bigint)
            ), t AS (
                DELETE FROM workflow.timers WHERE run_id = :runId AND cursor_key = :cursorKey
            ), s AS (
                INSERT INTO workflow.steps (run_id, cursor_key, name, kind, status, attempts, result, position,
                                            created_at, finished_at)
                VALUES (:runId, :cursorKey, :name, 'signal', 'completed', 1, CAST(:payload AS jsonb), :position,
                        %1$s, %1$s)
                RETURNING cursor_key
            )""".formatted(Sql.NOW) + RESOLVED;

    private static final String TIME_OUT = """
            WITH t AS (
                UPDATE workflow.timers SET fired_at = COALESCE(fired_at, %1$s)
                WHERE run_id = :runId AND cursor_key = :cursorKey
            ), s AS (
                INSERT INTO workflow.steps (run_id, cursor_key, name, kind, status, attempts, error_code,
                                            error_message, position, created_at, finished_at)
                VALUES (:runId, :cursorKey, :name, 'signal', 'failed', 1, 'SIGNAL_TIMEOUT',
                        'no signal arrived before the timeout', :position, %1$s, %1$s)
                RETURNING cursor_key
            )""".formatted(Sql.NOW) + RESOLVED;

    private static final String SUSPEND = """
            WITH f AS (
                UPDATE workflow.runs
                SET status = 'awaiting_signal', wait_kind = 'signal', wait_key = :cursorKey,
                    available_at = COALESCE(CAST(:dueAt AS timestamptz),
                                            CASE WHEN :hasTimeout = 1 THEN %1$s END, %2$s),
                    lease_owner = NULL, lease_expires_at = NULL, suspensions = suspensions + 1, updated_at = %3$s
                WHERE id = :runId
                RETURNING id, available_at
            ), t AS (
                INSERT INTO workflow.timers (run_id, cursor_key, kind, due_at, created_at)
                SELECT id, :cursorKey, 'signal_timeout', available_at, %3$s FROM f WHERE :hasTimeout = 1
                ON CONFLICT (run_id, cursor_key) DO NOTHING
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, cursor_key, detail, at)
                SELECT id, 'awaiting_signal', :attempt, :cursorKey, :name, %3$s FROM f
            )
            SELECT available_at FROM f
            """.formatted(Sql.nowPlus("timeoutMs"), SignalSql.NEVER, Sql.NOW);

    private static final String H2_OLDEST = """
            SELECT id, CAST(payload AS VARCHAR) AS payload FROM workflow.signals
            WHERE run_id = :runId AND name = :name AND %s
            ORDER BY id LIMIT 1
            """.formatted(SignalSql.UNCONSUMED);

    private static final String H2_TIMER = """
            SELECT due_at, due_at <= %s AS due FROM workflow.timers WHERE run_id = :runId AND cursor_key = :cursorKey
            """.formatted(H2Sql.NOW);

    private static final String H2_CONSUME_SIGNAL = """
            UPDATE workflow.signals SET status = 'consumed', cursor_key = :cursorKey, consumed_at = %s
            WHERE id = CAST(:signalId AS BIGINT)
            """.formatted(H2Sql.NOW);

    private static final String H2_DELETE_TIMER = """
            DELETE FROM workflow.timers WHERE run_id = :runId AND cursor_key = :cursorKey
            """;

    private static final String H2_RECEIVED_STEP = """
            INSERT INTO workflow.steps (run_id, cursor_key, name, kind, status, attempts, result, position,
                                        created_at, finished_at)
            VALUES (:runId, :cursorKey, :name, 'signal', 'completed', 1, %1$s, :position, %2$s, %2$s)
            """.formatted(H2Sql.json("payload"), H2Sql.NOW);

    private static final String H2_FIRE_TIMER = """
            UPDATE workflow.timers SET fired_at = COALESCE(fired_at, %s)
            WHERE run_id = :runId AND cursor_key = :cursorKey
            """.formatted(H2Sql.NOW);

    private static final String H2_TIMED_OUT_STEP = """
            INSERT INTO workflow.steps (run_id, cursor_key, name, kind, status, attempts, error_code, error_message,
                                        position, created_at, finished_at)
            VALUES (:runId, :cursorKey, :name, 'signal', 'failed', 1, 'SIGNAL_TIMEOUT',
                    'no signal arrived before the timeout', :position, %1$s, %1$s)
            """.formatted(H2Sql.NOW);

    /** {@link #RESOLVED} on H2: two statements after the step's. */
    private static final String H2_RESOLVED_RUN = """
            UPDATE workflow.runs SET updated_at = %s, lease_expires_at = %s, wait_kind = NULL, wait_key = NULL
            WHERE id = :runId
            """.formatted(H2Sql.NOW, H2Sql.RENEWED_LEASE);

    private static final String H2_RESOLVED_EVENT = """
            INSERT INTO workflow.events (run_id, type, attempt, cursor_key, detail, at)
            VALUES (:runId, :eventType, :attempt, :cursorKey, :name, %s)
            """.formatted(H2Sql.NOW);

    private static final String H2_SUSPEND = """
            SELECT available_at FROM FINAL TABLE (
                UPDATE workflow.runs
                SET status = 'awaiting_signal', wait_kind = 'signal', wait_key = :cursorKey,
                    available_at = COALESCE(CAST(:dueAt AS TIMESTAMP WITH TIME ZONE),
                                            CASE WHEN :hasTimeout = 1 THEN %1$s END, %2$s),
                    lease_owner = NULL, lease_expires_at = NULL, suspensions = suspensions + 1, updated_at = %3$s
                WHERE id = :runId
            )
            """.formatted(H2Sql.nowPlus("timeoutMs"), SignalSql.H2_NEVER, H2Sql.NOW);

    /** The run's row is locked, so no other transaction adds this timer between the look and the insert. */
    private static final String H2_TIMEOUT_TIMER = """
            INSERT INTO workflow.timers (run_id, cursor_key, kind, due_at, created_at)
            SELECT id, :cursorKey, 'signal_timeout', available_at, %s FROM workflow.runs
            WHERE id = :runId AND NOT EXISTS (SELECT 1 FROM workflow.timers t
                                              WHERE t.run_id = :runId AND t.cursor_key = :cursorKey)
            """.formatted(H2Sql.NOW);

    private static final String H2_SUSPEND_EVENT = """
            INSERT INTO workflow.events (run_id, type, attempt, cursor_key, detail, at)
            VALUES (:runId, 'awaiting_signal', :attempt, :cursorKey, :name, %s)
            """.formatted(H2Sql.NOW);

    private final Transactions tx;
    private final FlowClock clock;
    private final Leases leases;

    public SignalWaits(Transactions tx, FlowClock clock, Leases leases) {
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
    }

    public SignalWaitOutcome await(Fence fence, String cursorKey, String name, int position,
            Optional<Duration> timeout) {
        if (tx.dialect() == Dialect.H2) {
            return awaitH2(fence, cursorKey, name, position, timeout);
        }
        return tx.inTransaction(em -> {
            if (SqlCall.of(em, LOCK).fence(fence).column("id", UUID.class).rows().isEmpty()) {
                return SignalWaitOutcome.of(SignalWaitOutcome.Kind.LEASE_LOST);
            }
            List<Object[]> oldest = SqlCall.of(em, OLDEST).uuid("runId", fence.runId()).text("name", name)
                    .column("id", Long.class).column("payload", String.class).rows();
            if (!oldest.isEmpty()) {
                return consume(em, fence, cursorKey, name, position, (Long) oldest.get(0)[0],
                        (String) oldest.get(0)[1]);
            }
            List<Object[]> timer = SqlCall.of(em, TIMER).uuid("runId", fence.runId()).text("cursorKey", cursorKey)
                    .clock(clock).column("due_at", Instant.class).column("due", Boolean.class).rows();
            if (!timer.isEmpty() && Boolean.TRUE.equals(timer.get(0)[1])) {
                record(resolution(em, TIME_OUT, fence, cursorKey, name, position, "signal_timeout"), fence,
                        cursorKey);
                return SignalWaitOutcome.of(SignalWaitOutcome.Kind.TIMED_OUT);
            }
            return suspend(em, fence, cursorKey, name, timeout, timer.isEmpty() ? null : (Instant) timer.get(0)[0]);
        });
    }

    private SignalWaitOutcome awaitH2(Fence fence, String cursorKey, String name, int position,
            Optional<Duration> timeout) {
        return tx.inTransaction(em -> {
            if (SqlCall.of(em, LOCK).fence(fence).column("id", UUID.class).rows().isEmpty()) {
                return SignalWaitOutcome.of(SignalWaitOutcome.Kind.LEASE_LOST);
            }
            List<Object[]> oldest = SqlCall.of(em, H2_OLDEST).uuid("runId", fence.runId()).text("name", name)
                    .column("id", Long.class).column("payload", String.class).rows();
            if (!oldest.isEmpty()) {
                String payload = (String) oldest.get(0)[1];
                SqlCall.of(em, H2_CONSUME_SIGNAL).text("cursorKey", cursorKey)
                        .text("signalId", String.valueOf(oldest.get(0)[0])).clock(clock).update();
                SqlCall.of(em, H2_DELETE_TIMER).uuid("runId", fence.runId()).text("cursorKey", cursorKey).update();
                int recorded = stepH2(em, H2_RECEIVED_STEP, fence, cursorKey, name, position)
                        .text("payload", payload).update();
                resolvedH2(em, recorded, fence, cursorKey, name, "signal_consumed");
                return SignalWaitOutcome.received(payload);
            }
            List<Object[]> timer = SqlCall.of(em, H2_TIMER).uuid("runId", fence.runId())
                    .text("cursorKey", cursorKey).clock(clock)
                    .column("due_at", Instant.class).column("due", Boolean.class).rows();
            if (!timer.isEmpty() && Boolean.TRUE.equals(timer.get(0)[1])) {
                SqlCall.of(em, H2_FIRE_TIMER).uuid("runId", fence.runId()).text("cursorKey", cursorKey)
                        .clock(clock).update();
                int recorded = stepH2(em, H2_TIMED_OUT_STEP, fence, cursorKey, name, position).update();
                resolvedH2(em, recorded, fence, cursorKey, name, "signal_timeout");
                return SignalWaitOutcome.of(SignalWaitOutcome.Kind.TIMED_OUT);
            }
            return suspendH2(em, fence, cursorKey, name, timeout,
                    timer.isEmpty() ? null : (Instant) timer.get(0)[0]);
        });
    }

    private SqlCall stepH2(EntityManager em, String sql, Fence fence, String cursorKey, String name,
            int position) {
        return SqlCall.of(em, sql).uuid("runId", fence.runId()).text("cursorKey", cursorKey).text("name", name)
                .integer("position", position).clock(clock);
    }

    private void resolvedH2(EntityManager em, int recorded, Fence fence, String cursorKey, String name,
            String eventType) {
        if (recorded != 1) {
            throw new IllegalStateException("signal wait '" + cursorKey + "' of run " + fence.runId()
                    + " was not recorded; rolled back");
        }
        SqlCall.of(em, H2_RESOLVED_RUN).uuid("runId", fence.runId()).millis("leaseMs", leases.of(fence.owner()))
                .clock(clock).update();
        SqlCall.of(em, H2_RESOLVED_EVENT).uuid("runId", fence.runId()).text("eventType", eventType)
                .integer("attempt", fence.attempt()).text("cursorKey", cursorKey).text("name", name).clock(clock)
                .update();
    }

    private SignalWaitOutcome suspendH2(EntityManager em, Fence fence, String cursorKey, String name,
            Optional<Duration> timeout, Instant recordedDue) {
        boolean timed = timeout.isPresent() || recordedDue != null;
        Object[] row = SqlCall.of(em, H2_SUSPEND).uuid("runId", fence.runId()).text("cursorKey", cursorKey)
                .instant("dueAt", recordedDue).integer("hasTimeout", timed ? 1 : 0)
                .millis("timeoutMs", timeout.orElse(Duration.ZERO)).clock(clock)
                .column("available_at", Instant.class).row();
        if (timed) {
            SqlCall.of(em, H2_TIMEOUT_TIMER).uuid("runId", fence.runId()).text("cursorKey", cursorKey).clock(clock)
                    .update();
        }
        SqlCall.of(em, H2_SUSPEND_EVENT).uuid("runId", fence.runId()).integer("attempt", fence.attempt())
                .text("cursorKey", cursorKey).text("name", name).clock(clock).update();
        Optional<Instant> due = timed ? Optional.of((Instant) row[0]) : Optional.empty();
        return new SignalWaitOutcome(SignalWaitOutcome.Kind.WAITING, null, due);
    }

    private SignalWaitOutcome consume(EntityManager em, Fence fence, String cursorKey, String name, int position,
            long signalId, String payload) {
        record(resolution(em, CONSUME, fence, cursorKey, name, position, "signal_consumed")
                .text("signalId", String.valueOf(signalId)).text("payload", payload), fence, cursorKey);
        return SignalWaitOutcome.received(payload);
    }

    private SignalWaitOutcome suspend(EntityManager em, Fence fence, String cursorKey, String name,
            Optional<Duration> timeout, Instant recordedDue) {
        boolean timed = timeout.isPresent() || recordedDue != null;
        Object[] row = SqlCall.of(em, SUSPEND).uuid("runId", fence.runId()).integer("attempt", fence.attempt())
                .text("cursorKey", cursorKey).text("name", name).instant("dueAt", recordedDue)
                .integer("hasTimeout", timed ? 1 : 0).millis("timeoutMs", timeout.orElse(Duration.ZERO))
                .clock(clock).column("available_at", Instant.class).row();
        Optional<Instant> due = timed ? Optional.of((Instant) row[0]) : Optional.empty();
        return new SignalWaitOutcome(SignalWaitOutcome.Kind.WAITING, null, due);
    }

    private SqlCall resolution(EntityManager em, String sql, Fence fence, String cursorKey, String name,
            int position, String eventType) {
        return SqlCall.of(em, sql).uuid("runId", fence.runId()).integer("attempt", fence.attempt())
                .text("cursorKey", cursorKey).text("name", name).integer("position", position)
                .text("eventType", eventType).millis("leaseMs", leases.of(fence.owner())).clock(clock);
    }

    private static void record(SqlCall call, Fence fence, String cursorKey) {
        Object[] row = call.column("recorded", Long.class).row();
        if ((Long) row[0] != 1) {
            throw new IllegalStateException("signal wait '" + cursorKey + "' of run " + fence.runId()
                    + " was not recorded; rolled back");
        }
    }
}
