package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** {@code suspendForTimer} on PostgreSQL: one fenced statement. */
final class PgSleep implements SleepStatement {

    private static final String SUSPEND = """
            WITH recorded AS (
                SELECT due_at FROM workflow.timers WHERE run_id = :runId AND cursor_key = :cursorKey
            ), f AS (
                UPDATE workflow.runs
                SET status = 'sleeping',
                    available_at = COALESCE((SELECT due_at FROM recorded), CAST(:dueAt AS timestamptz), %1$s),
                    lease_owner = NULL, lease_expires_at = NULL, suspensions = suspensions + 1, updated_at = %2$s
                WHERE %3$s
                RETURNING id, available_at
            ), t AS (
                INSERT INTO workflow.timers (run_id, cursor_key, kind, due_at, created_at)
                SELECT id, :cursorKey, :kind, available_at, %2$s FROM f
                ON CONFLICT (run_id, cursor_key) DO NOTHING
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, cursor_key, detail, at)
                SELECT id, 'sleeping', :attempt, :cursorKey, :kind, %2$s FROM f
            )
            SELECT available_at FROM f
            """.formatted(Sql.nowPlus("fromNowMs"), Sql.NOW, Sql.FENCED);

    @Override
    public Optional<Instant> suspend(Transactions tx, FlowClock clock, Fence fence, String cursorKey, String kind,
            Optional<Instant> dueAt, Duration fromNow) {
        return tx.autoCommitted(em -> SqlCall.of(em, SUSPEND).fence(fence).clock(clock)
                .text("cursorKey", cursorKey).text("kind", kind)
                .instant("dueAt", dueAt.orElse(null)).millis("fromNowMs", fromNow)
                .list(row -> row.instant("available_at"))
                .stream().findFirst());
    }
}
