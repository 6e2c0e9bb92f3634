package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.TransactionalStep;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;
import org.hibernate.Session;

/** A transactional step on H2: the session's query timeout, set back afterwards; fence, step, event. */
final class H2TransactionalStep implements TransactionalStepStatements {

    /** The step, when it is new or waits for this very try. */
    private static final String STEP = """
            MERGE INTO workflow.steps st
            USING (VALUES (CAST(:runId AS UUID), CAST(:cursorKey AS VARCHAR))) AS v (run_id, cursor_key)
            ON st.run_id = v.run_id AND st.cursor_key = v.cursor_key
            WHEN MATCHED AND st.status = 'retrying' AND st.attempts < :stepAttempts THEN UPDATE
                SET status = 'completed', attempts = :stepAttempts, result = %1$s, error_code = NULL,
                    error_message = NULL, position = :position, finished_at = %2$s
            WHEN NOT MATCHED THEN INSERT (run_id, cursor_key, name, kind, status, attempts, result, position,
                                          created_at, finished_at)
                VALUES (:runId, :cursorKey, :name, 'step', 'completed', :stepAttempts, %1$s, :position, %2$s, %2$s)
            """.formatted(H2Sql.json("result"), H2Sql.NOW);

    private static final String EVENT = "INSERT INTO workflow.events (run_id, type, attempt, cursor_key, at)"
            + " VALUES (:runId, 'step_completed', :attempt, :cursorKey, " + H2Sql.NOW + ")";

    private static final String QUERY_TIMEOUT = "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'QUERY_TIMEOUT'";

    /**
     * The timeout is the session's {@code QUERY_TIMEOUT}, which outlives the transaction, so it is set back before
     * the commit or rollback returns the connection to the pool.
     */
    @Override
    public <T> T bounded(EntityManager em, TransactionalStep step, Supplier<T> inside) {
        if (step.timeout().isEmpty()) {
            return inside.get();
        }
        Session session = em.unwrap(Session.class);
        String before = session.doReturningWork(H2TransactionalStep::queryTimeout);
        try {
            long millis = Math.max(1, Math.min(Integer.MAX_VALUE, step.timeout().get().toMillis()));
            session.doWork(c -> execute(c, "SET QUERY_TIMEOUT " + millis));
            return inside.get();
        } finally {
            session.doWork(c -> execute(c, "SET QUERY_TIMEOUT " + Integer.parseInt(before)));
        }
    }

    @Override
    public Written record(EntityManager em, FlowClock clock, Fence fence, TransactionalStep step, String resultJson,
            Duration lease) {
        int fenced = SqlCall.of(em, H2Sql.FENCE).fence(fence).clock(clock).millis("leaseMs", lease).update();
        if (fenced == 0) {
            return new Written(false, false);
        }
        int written = SqlCall.of(em, STEP).uuid("runId", fence.runId()).clock(clock)
                .text("cursorKey", step.cursorKey()).text("name", step.name())
                .integer("stepAttempts", step.attempts()).text("result", resultJson)
                .integer("position", step.position())
                .update();
        if (written == 1) {
            SqlCall.of(em, EVENT).uuid("runId", fence.runId()).integer("attempt", fence.attempt())
                    .text("cursorKey", step.cursorKey()).clock(clock).update();
        }
        return new Written(true, written == 1);
    }

    private static String queryTimeout(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(QUERY_TIMEOUT)) {
            return rows.next() ? rows.getString(1) : "0";
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
