package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.RetryResult;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * {@code retry}: one statement, guarded on {@code status = 'failed'} (so of concurrent retries one wins), makes the
 * run ready again, resets its attempt budget ({@code suspensions = attempts}: the attempt counter itself never goes
 * back, so the fences of old attempts stay invalid), deletes its trailing failed steps (failed steps after the last
 * step that did not fail: the failure that ended the run) with their retry timers, and writes a {@code retried}
 * event naming the cleared keys. Completed steps stay recorded.
 */
public final class RunRetries {

    private static final String RETRY = """
            WITH r AS (
                UPDATE workflow.runs
                SET status = 'pending', error_code = NULL, error_message = NULL, finished_at = NULL,
                    suspensions = attempts, available_at = %1$s, updated_at = %1$s,
                    lease_owner = NULL, lease_expires_at = NULL, wait_kind = NULL, wait_key = NULL
                WHERE id = :runId AND status = 'failed'
                RETURNING id, attempts, flow_name
            ), n AS (
                %2$s
            ), tail AS (
                SELECT s.run_id, s.cursor_key FROM workflow.steps s JOIN r ON s.run_id = r.id
                WHERE s.status = 'failed' AND s.position > COALESCE(
                    (SELECT max(k.position) FROM workflow.steps k WHERE k.run_id = r.id AND k.status <> 'failed'), -1)
            ), cleared AS (
                DELETE FROM workflow.steps s USING tail
                WHERE s.run_id = tail.run_id AND s.cursor_key = tail.cursor_key
                RETURNING s.cursor_key
            ), timers AS (
                DELETE FROM workflow.timers t USING tail
                WHERE t.run_id = tail.run_id AND starts_with(t.cursor_key, tail.cursor_key || '#retry')
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at)
                SELECT id, 'retried', attempts,
                       (SELECT 'cleared ' || string_agg(cursor_key, ', ' ORDER BY cursor_key) FROM cleared), %1$s
                FROM r
            )
            SELECT count(*) AS retried, %3$s FROM r
            """.formatted(Sql.NOW, Notify.ready("flow_name", "r"), Notify.NOTIFIED);

    private static final String STATUS = "SELECT status FROM workflow.runs WHERE id = :runId";

    /** H2: the row lock makes concurrent retries take turns; the second one sees the status the first left. */
    private static final String H2_LOCK = "SELECT status FROM workflow.runs WHERE id = :runId FOR UPDATE";

    private static final String H2_TAIL = """
            SELECT s.cursor_key FROM workflow.steps s
            WHERE s.run_id = :runId AND s.status = 'failed' AND s.position > COALESCE(
                (SELECT max(k.position) FROM workflow.steps k WHERE k.run_id = :runId AND k.status <> 'failed'), -1)
            ORDER BY s.cursor_key
            """;

    private static final String H2_RETRY = """
            UPDATE workflow.runs
            SET status = 'pending', error_code = NULL, error_message = NULL, finished_at = NULL,
                suspensions = attempts, available_at = %1$s, updated_at = %1$s,
                lease_owner = NULL, lease_expires_at = NULL, wait_kind = NULL, wait_key = NULL
            WHERE id = :runId AND status = 'failed'
            """.formatted(H2Sql.NOW);

    private static final String H2_CLEAR_STEPS = """
            DELETE FROM workflow.steps WHERE run_id = :runId AND cursor_key IN (:keys)
            """;

    private static final String H2_CLEAR_TIMERS = """
            DELETE FROM workflow.timers WHERE run_id = :runId AND LEFT(cursor_key, CHAR_LENGTH(:prefix)) = :prefix
            """;

    private static final String H2_EVENT = """
            INSERT INTO workflow.events (run_id, type, attempt, detail, at)
            SELECT id, 'retried', attempts, :detail, %s FROM workflow.runs WHERE id = :runId
            """.formatted(H2Sql.NOW);

    private final Transactions tx;
    private final FlowClock clock;

    public RunRetries(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public RetryResult retry(UUID runId) {
        if (tx.dialect() == Dialect.H2) {
            return tx.inTransaction(em -> retryH2(em, runId));
        }
        return tx.inTransaction(em -> {
            Object[] row = SqlCall.of(em, RETRY).uuid("runId", runId).clock(clock)
                    .column("retried", Long.class).row();
            if ((Long) row[0] == 1) {
                return new RetryResult.Retried(runId.toString());
            }
            return notRetried(em, runId);
        });
    }

    private RetryResult retryH2(EntityManager em, UUID runId) {
        List<Object[]> locked = SqlCall.of(em, H2_LOCK).uuid("runId", runId).column("status", String.class).rows();
        if (locked.isEmpty()) {
            return new RetryResult.NotFound(runId.toString());
        }
        if (!"failed".equals(locked.get(0)[0])) {
            return new RetryResult.NotFailed(runId.toString(), RunStatus.fromDbName((String) locked.get(0)[0]));
        }
        List<String> tail = SqlCall.of(em, H2_TAIL).uuid("runId", runId).column("cursor_key", String.class).rows()
                .stream().map(r -> (String) r[0]).toList();
        SqlCall.of(em, H2_RETRY).uuid("runId", runId).clock(clock).update();
        if (!tail.isEmpty()) {
            SqlCall.of(em, H2_CLEAR_STEPS).uuid("runId", runId).textList("keys", tail).update();
            for (String key : tail) {
                SqlCall.of(em, H2_CLEAR_TIMERS).uuid("runId", runId).text("prefix", key + "#retry").update();
            }
        }
        SqlCall.of(em, H2_EVENT).uuid("runId", runId)
                .text("detail", tail.isEmpty() ? null : "cleared " + String.join(", ", tail)).clock(clock).update();
        return new RetryResult.Retried(runId.toString());
    }

    /** Read with a fresh snapshot, so a retry that lost a race reports the status the winner left. */
    private static RetryResult notRetried(EntityManager em, UUID runId) {
        List<Object[]> rows = SqlCall.of(em, STATUS).uuid("runId", runId).column("status", String.class).rows();
        if (rows.isEmpty()) {
            return new RetryResult.NotFound(runId.toString());
        }
        return new RetryResult.NotFailed(runId.toString(), RunStatus.fromDbName((String) rows.get(0)[0]));
    }
}
