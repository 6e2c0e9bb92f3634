package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.TransactionalStep;
import jakarta.persistence.EntityManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;
import org.hibernate.Session;

/** A transactional step on PostgreSQL: a transaction-local statement timeout, one record statement. */
final class PgTransactionalStep implements TransactionalStepStatements {

    private static final String RECORD = """
            WITH f AS (
                UPDATE workflow.runs SET updated_at = %1$s, lease_expires_at = %2$s
                WHERE %3$s
                RETURNING id
            ), s AS (
                INSERT INTO workflow.steps AS st (run_id, cursor_key, name, kind, status, attempts, result, position,
                                                  created_at, finished_at)
                SELECT id, :cursorKey, :name, 'step', 'completed', :stepAttempts, CAST(:result AS jsonb), :position,
                       %1$s, %1$s
                FROM f
                ON CONFLICT (run_id, cursor_key) DO UPDATE
                SET status = 'completed', attempts = EXCLUDED.attempts, result = EXCLUDED.result, error_code = NULL,
                    error_message = NULL, position = EXCLUDED.position, finished_at = EXCLUDED.finished_at
                WHERE st.status = 'retrying' AND st.attempts < EXCLUDED.attempts
                RETURNING cursor_key
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, cursor_key, at)
                SELECT :runId, 'step_completed', :attempt, cursor_key, %1$s FROM s
            )
            SELECT (SELECT count(*) FROM f) AS fenced, (SELECT count(*) FROM s) AS written
            """.formatted(Sql.NOW, Sql.RENEWED_LEASE, Sql.FENCED);

    /** {@code SET LOCAL}: the timeout ends with the transaction, so the pooled connection keeps none. */
    @Override
    public <T> T bounded(EntityManager em, TransactionalStep step, Supplier<T> inside) {
        if (step.timeout().isPresent()) {
            long millis = Math.max(1, Math.min(Integer.MAX_VALUE, step.timeout().get().toMillis()));
            em.unwrap(Session.class).doWork(c -> {
                try (Statement statement = c.createStatement()) {
                    statement.execute("SET LOCAL statement_timeout = " + millis);
                }
            });
        }
        return inside.get();
    }

    @Override
    public Written record(EntityManager em, FlowClock clock, Fence fence, TransactionalStep step, String resultJson,
            Duration lease) {
        return SqlCall.of(em, RECORD).fence(fence).clock(clock).millis("leaseMs", lease)
                .text("cursorKey", step.cursorKey()).text("name", step.name())
                .integer("stepAttempts", step.attempts()).text("result", resultJson)
                .integer("position", step.position())
                .one(row -> new Written(row.count("fenced") == 1, row.count("written") == 1));
    }
}
