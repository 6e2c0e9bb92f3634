package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** {@code retry} on PostgreSQL: one statement, with the ready notification. */
final class PgRetry implements RetryStatement {

    private static final String RETRY = """
            WITH r AS (
                UPDATE workflow.runs
                SET status = 'pending', error_code = NULL, error_message = NULL, finished_at = NULL,
                    suspensions = attempts, available_at = %1$s, updated_at = %1$s,
                    lease_owner = NULL, lease_expires_at = NULL, wait_kind = NULL, wait_key = NULL,
                    key_order = CASE WHEN concurrency_key IS NULL THEN NULL
                                     ELSE nextval('workflow.run_key_order') END
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
                INSERT INTO workflow.events (run_id, type, attempt, detail, at, actor)
                SELECT id, 'retried', attempts,
                       (SELECT 'cleared ' || string_agg(cursor_key, ', ' ORDER BY cursor_key) FROM cleared), %1$s,
                       CAST(:actor AS text)
                FROM r
            )
            SELECT count(*) AS retried, %3$s FROM r
            """.formatted(Sql.NOW, Notify.ready("flow_name", "r"), Notify.NOTIFIED);

    @Override
    public boolean retry(EntityManager em, FlowClock clock, UUID runId, String actor) {
        return SqlCall.of(em, RETRY).uuid("runId", runId).text("actor", actor).clock(clock).one(row -> row.count("retried")) == 1;
    }
}
