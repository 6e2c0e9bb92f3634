package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code suspendForTimer}: one fenced statement records the timer once and puts the run to sleep until it is due.
 * A timer recorded by an earlier attempt keeps its due time (a replayed sleep does not start over).
 */
public final class TimerWrites {

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

    /** H2: the fence; a timer recorded by an earlier attempt keeps its due time. */
    private static final String H2_SLEEP = """
            UPDATE workflow.runs
            SET status = 'sleeping',
                available_at = COALESCE((SELECT due_at FROM workflow.timers WHERE run_id = :runId
                                         AND cursor_key = :cursorKey),
                                        CAST(:dueAt AS TIMESTAMP WITH TIME ZONE), %s),
                lease_owner = NULL, lease_expires_at = NULL, suspensions = suspensions + 1, updated_at = %s
            WHERE %s
            """.formatted(H2Sql.nowPlus("fromNowMs"), H2Sql.NOW, Sql.FENCED);

    private static final String H2_TIMER = """
            INSERT INTO workflow.timers (run_id, cursor_key, kind, due_at, created_at)
            SELECT id, :cursorKey, :kind, available_at, %s FROM workflow.runs r
            WHERE id = :runId
              AND NOT EXISTS (SELECT 1 FROM workflow.timers t WHERE t.run_id = r.id AND t.cursor_key = :cursorKey)
            """.formatted(H2Sql.NOW);

    private static final String H2_EVENT = "INSERT INTO workflow.events"
            + " (run_id, type, attempt, cursor_key, detail, at) VALUES (:runId, 'sleeping', :attempt, :cursorKey,"
            + " :kind, " + H2Sql.NOW + ")";

    private static final String H2_DUE = "SELECT available_at FROM workflow.runs WHERE id = :runId";

    private final Transactions tx;
    private final FlowClock clock;

    public TimerWrites(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public Optional<Instant> suspend(Fence fence, String cursorKey, String kind, Optional<Instant> dueAt,
            Duration fromNow) {
        if (tx.dialect() == Dialect.H2) {
            return tx.autoCommitted(em -> suspendH2(em, fence, cursorKey, kind, dueAt, fromNow));
        }
        return tx.autoCommitted(em -> {
            List<Object[]> rows = SqlCall.of(em, SUSPEND).fence(fence).clock(clock)
                    .text("cursorKey", cursorKey).text("kind", kind)
                    .instant("dueAt", dueAt.orElse(null)).millis("fromNowMs", fromNow)
                    .column("available_at", Instant.class)
                    .rows();
            return rows.isEmpty() ? Optional.empty() : Optional.of((Instant) rows.get(0)[0]);
        });
    }

    /** H2: fence (the run sleeps), timer once, event, each a statement of one transaction. */
    private Optional<Instant> suspendH2(EntityManager em, Fence fence, String cursorKey, String kind,
            Optional<Instant> dueAt, Duration fromNow) {
        int fenced = SqlCall.of(em, H2_SLEEP).fence(fence).clock(clock).text("cursorKey", cursorKey)
                .instant("dueAt", dueAt.orElse(null)).millis("fromNowMs", fromNow)
                .update();
        if (fenced == 0) {
            return Optional.empty();
        }
        SqlCall.of(em, H2_TIMER).uuid("runId", fence.runId()).text("cursorKey", cursorKey).text("kind", kind)
                .clock(clock).update();
        SqlCall.of(em, H2_EVENT).uuid("runId", fence.runId()).integer("attempt", fence.attempt())
                .text("cursorKey", cursorKey).text("kind", kind).clock(clock).update();
        return Optional.of((Instant) SqlCall.of(em, H2_DUE).uuid("runId", fence.runId())
                .column("available_at", Instant.class).row()[0]);
    }
}
