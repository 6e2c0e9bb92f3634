package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code suspendForTimer} on H2: fence (the run sleeps), timer once, event, each a statement; they need one
 * transaction, so they ask for one.
 */
final class H2Sleep implements SleepStatement {

    /** The fence; a timer recorded by an earlier attempt keeps its due time. */
    private static final String SLEEP = """
            UPDATE workflow.runs
            SET status = 'sleeping',
                available_at = COALESCE((SELECT due_at FROM workflow.timers WHERE run_id = :runId
                                         AND cursor_key = :cursorKey),
                                        CAST(:dueAt AS TIMESTAMP WITH TIME ZONE), %s),
                lease_owner = NULL, lease_expires_at = NULL, suspensions = suspensions + 1, updated_at = %s
            WHERE %s
            """.formatted(H2Sql.nowPlus("fromNowMs"), H2Sql.NOW, Sql.FENCED);

    private static final String TIMER = """
            INSERT INTO workflow.timers (run_id, cursor_key, kind, due_at, created_at)
            SELECT id, :cursorKey, :kind, available_at, %s FROM workflow.runs r
            WHERE id = :runId
              AND NOT EXISTS (SELECT 1 FROM workflow.timers t WHERE t.run_id = r.id AND t.cursor_key = :cursorKey)
            """.formatted(H2Sql.NOW);

    private static final String EVENT = "INSERT INTO workflow.events"
            + " (run_id, type, attempt, cursor_key, detail, at) VALUES (:runId, 'sleeping', :attempt, :cursorKey,"
            + " :kind, " + H2Sql.NOW + ")";

    private static final String DUE = "SELECT available_at FROM workflow.runs WHERE id = :runId";

    @Override
    public Optional<Instant> suspend(Transactions tx, FlowClock clock, Fence fence, String cursorKey, String kind,
            Optional<Instant> dueAt, Duration fromNow) {
        return tx.inTransaction(em -> {
            int fenced = SqlCall.of(em, SLEEP).fence(fence).clock(clock).text("cursorKey", cursorKey)
                    .instant("dueAt", dueAt.orElse(null)).millis("fromNowMs", fromNow)
                    .update();
            if (fenced == 0) {
                return Optional.empty();
            }
            SqlCall.of(em, TIMER).uuid("runId", fence.runId()).text("cursorKey", cursorKey).text("kind", kind)
                    .clock(clock).update();
            SqlCall.of(em, EVENT).uuid("runId", fence.runId()).integer("attempt", fence.attempt())
                    .text("cursorKey", cursorKey).text("kind", kind).clock(clock).update();
            return Optional.of(SqlCall.of(em, DUE).uuid("runId", fence.runId())
                    .one(row -> row.instant("available_at")));
        });
    }
}
