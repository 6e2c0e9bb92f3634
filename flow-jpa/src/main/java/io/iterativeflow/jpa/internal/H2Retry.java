package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** {@code retry} on H2: the run's row locked, then the tail read, the run reset, the tail cleared, the event. */
final class H2Retry implements RetryStatement {

    /** The row lock makes concurrent retries take turns; the second one sees the status the first left. */
    private static final String LOCK = "SELECT status FROM workflow.runs WHERE id = :runId FOR UPDATE";

    private static final String TAIL = """
            SELECT s.cursor_key FROM workflow.steps s
            WHERE s.run_id = :runId AND s.status = 'failed' AND s.position > COALESCE(
                (SELECT max(k.position) FROM workflow.steps k WHERE k.run_id = :runId AND k.status <> 'failed'), -1)
            ORDER BY s.cursor_key
            """;

    private static final String RETRY = """
            UPDATE workflow.runs
            SET status = 'pending', error_code = NULL, error_message = NULL, finished_at = NULL,
                suspensions = attempts, available_at = %1$s, updated_at = %1$s,
                lease_owner = NULL, lease_expires_at = NULL, wait_kind = NULL, wait_key = NULL,
                key_order = CASE WHEN concurrency_key IS NULL THEN NULL ELSE NEXT VALUE FOR workflow.run_key_order END
            WHERE id = :runId AND status = 'failed'
            """.formatted(H2Sql.NOW);

    private static final String CLEAR_STEPS = """
            DELETE FROM workflow.steps WHERE run_id = :runId AND cursor_key IN (:keys)
            """;

    private static final String CLEAR_TIMERS = """
            DELETE FROM workflow.timers WHERE run_id = :runId AND LEFT(cursor_key, CHAR_LENGTH(:prefix)) = :prefix
            """;

    private static final String EVENT = """
            INSERT INTO workflow.events (run_id, type, attempt, detail, at, actor)
            SELECT id, 'retried', attempts, :detail, %s, CAST(:actor AS VARCHAR) FROM workflow.runs WHERE id = :runId
            """.formatted(H2Sql.NOW);

    @Override
    public boolean retry(EntityManager em, FlowClock clock, UUID runId, String actor) {
        List<String> status = SqlCall.of(em, LOCK).uuid("runId", runId).list(row -> row.text("status"));
        if (status.isEmpty() || !"failed".equals(status.get(0))) {
            return false;
        }
        List<String> tail = SqlCall.of(em, TAIL).uuid("runId", runId).list(row -> row.text("cursor_key"));
        SqlCall.of(em, RETRY).uuid("runId", runId).clock(clock).update();
        if (!tail.isEmpty()) {
            SqlCall.of(em, CLEAR_STEPS).uuid("runId", runId).textList("keys", tail).update();
            for (String key : tail) {
                SqlCall.of(em, CLEAR_TIMERS).uuid("runId", runId).text("prefix", key + "#retry").update();
            }
        }
        SqlCall.of(em, EVENT).uuid("runId", runId).text("actor", actor)
                .text("detail", tail.isEmpty() ? null : "cleared " + String.join(", ", tail)).clock(clock).update();
        return true;
    }
}
