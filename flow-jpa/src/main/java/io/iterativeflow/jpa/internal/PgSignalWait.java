package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/** A signal wait's writes on PostgreSQL: one statement each. */
final class PgSignalWait implements SignalWaitStatements {

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

    @Override
    public long consume(EntityManager em, FlowClock clock, Fence fence, Wait wait, long signalId, String payload) {
        return resolution(em, clock, CONSUME, fence, wait, "signal_consumed")
                .text("signalId", String.valueOf(signalId)).text("payload", payload)
                .one(row -> row.count("recorded"));
    }

    @Override
    public long timeOut(EntityManager em, FlowClock clock, Fence fence, Wait wait) {
        return resolution(em, clock, TIME_OUT, fence, wait, "signal_timeout").one(row -> row.count("recorded"));
    }

    @Override
    public Instant suspend(EntityManager em, FlowClock clock, Fence fence, Wait wait, boolean timed,
            Duration timeout, Instant recordedDue) {
        return SqlCall.of(em, SUSPEND).uuid("runId", fence.runId()).integer("attempt", fence.attempt())
                .text("cursorKey", wait.cursorKey()).text("name", wait.name()).instant("dueAt", recordedDue)
                .integer("hasTimeout", timed ? 1 : 0).millis("timeoutMs", timeout)
                .clock(clock).one(row -> row.instant("available_at"));
    }

    private static SqlCall resolution(EntityManager em, FlowClock clock, String sql, Fence fence, Wait wait,
            String eventType) {
        return SqlCall.of(em, sql).uuid("runId", fence.runId()).integer("attempt", fence.attempt())
                .text("cursorKey", wait.cursorKey()).text("name", wait.name()).integer("position", wait.position())
                .text("eventType", eventType).millis("leaseMs", wait.lease()).clock(clock);
    }
}
