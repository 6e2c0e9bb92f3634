package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.RecordedStep;
import io.iterativeflow.core.spi.StepWorkFailed;
import io.iterativeflow.core.spi.TransactionalStep;
import io.iterativeflow.core.spi.TransactionalWork;
import io.iterativeflow.core.spi.WriteOutcome;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.hibernate.Session;

/**
 * {@code runTransactionalStep}: the step's work and its record in one transaction of the store. The record statement
 * fences the attempt and inserts the step only when it is new or waits for this very try ({@code retrying} after an
 * earlier one); anything else rolls the work back with the record. A failed, recorded or lost try never commits.
 */
public final class TransactionalSteps {

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

    /** H2: the step, when it is new or waits for this very try. */
    private static final String H2_STEP = """
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

    private static final String H2_EVENT = "INSERT INTO workflow.events (run_id, type, attempt, cursor_key, at)"
            + " VALUES (:runId, 'step_completed', :attempt, :cursorKey, " + H2Sql.NOW + ")";

    private static final String H2_QUERY_TIMEOUT = "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME = 'QUERY_TIMEOUT'";

    private static final String RECORDED = "SELECT s.result FROM FlowStep s WHERE s.runId = :runId"
            + " AND s.cursorKey = :cursorKey AND s.status = 'completed'";

    private final Transactions tx;
    private final FlowClock clock;
    private final Leases leases;

    public TransactionalSteps(Transactions tx, FlowClock clock, Leases leases) {
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
    }

    public RecordedStep run(Fence fence, TransactionalStep step, TransactionalWork work) {
        if (tx.dialect() == Dialect.H2) {
            return runH2(fence, step, work);
        }
        try {
            return tx.inTransaction(em -> {
                String json = em.unwrap(Session.class).doReturningWork(c -> work(c, step, work));
                return record(em, fence, step, json);
            });
        } catch (RolledBack planned) {
            return planned.result();
        }
    }

    /**
     * H2: the timeout is the session's {@code QUERY_TIMEOUT}, which outlives the transaction, so it is set back before
     * the commit or rollback returns the connection to the pool.
     */
    private RecordedStep runH2(Fence fence, TransactionalStep step, TransactionalWork work) {
        try {
            return tx.inTransaction(em -> {
                Session session = em.unwrap(Session.class);
                if (step.timeout().isEmpty()) {
                    String json = session.doReturningWork(c -> workH2(c, step, work));
                    return recordH2(em, fence, step, json);
                }
                String before = session.doReturningWork(TransactionalSteps::queryTimeoutH2);
                try {
                    String json = session.doReturningWork(c -> workH2(c, step, work));
                    return recordH2(em, fence, step, json);
                } finally {
                    session.doWork(c -> execute(c, "SET QUERY_TIMEOUT " + Integer.parseInt(before)));
                }
            });
        } catch (RolledBack planned) {
            return planned.result();
        }
    }

    private static String workH2(Connection connection, TransactionalStep step, TransactionalWork work)
            throws SQLException {
        if (step.timeout().isPresent()) {
            long millis = Math.max(1, Math.min(Integer.MAX_VALUE, step.timeout().get().toMillis()));
            execute(connection, "SET QUERY_TIMEOUT " + millis);
        }
        try {
            return work.run(connection);
        } catch (Exception | Error e) {
            throw new StepWorkFailed(e);
        }
    }

    private static String queryTimeoutH2(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(H2_QUERY_TIMEOUT)) {
            return rows.next() ? rows.getString(1) : "0";
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String work(Connection connection, TransactionalStep step, TransactionalWork work)
            throws SQLException {
        if (step.timeout().isPresent()) {
            boundStatements(connection, step.timeout().get());
        }
        try {
            return work.run(connection);
        } catch (Exception | Error e) {
            throw new StepWorkFailed(e);
        }
    }

    /** No statement of the step, its record included, runs longer than the timeout. */
    private static void boundStatements(Connection connection, Duration timeout) throws SQLException {
        long millis = Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL statement_timeout = " + millis);
        }
    }

    private RecordedStep record(EntityManager em, Fence fence, TransactionalStep step, String json) {
        Object[] row = SqlCall.of(em, RECORD).fence(fence).clock(clock)
                .millis("leaseMs", leases.of(fence.owner()))
                .text("cursorKey", step.cursorKey()).text("name", step.name())
                .integer("stepAttempts", step.attempts()).text("result", json)
                .integer("position", step.position())
                .column("fenced", Long.class).column("written", Long.class)
                .row();
        if ((Long) row[0] == 0) {
            throw new RolledBack(new RecordedStep(WriteOutcome.LEASE_LOST, null));
        }
        if ((Long) row[1] == 1) {
            return new RecordedStep(WriteOutcome.WRITTEN, json);
        }
        throw rolledBackWithRecord(em, fence, step);
    }

    private RecordedStep recordH2(EntityManager em, Fence fence, TransactionalStep step, String json) {
        int fenced = SqlCall.of(em, H2Sql.FENCE).fence(fence).clock(clock).millis("leaseMs", leases.of(fence.owner()))
                .update();
        if (fenced == 0) {
            throw new RolledBack(new RecordedStep(WriteOutcome.LEASE_LOST, null));
        }
        int written = SqlCall.of(em, H2_STEP).uuid("runId", fence.runId()).clock(clock)
                .text("cursorKey", step.cursorKey()).text("name", step.name())
                .integer("stepAttempts", step.attempts()).text("result", json)
                .integer("position", step.position())
                .update();
        if (written == 1) {
            SqlCall.of(em, H2_EVENT).uuid("runId", fence.runId()).integer("attempt", fence.attempt())
                    .text("cursorKey", step.cursorKey()).clock(clock).update();
            return new RecordedStep(WriteOutcome.WRITTEN, json);
        }
        throw rolledBackWithRecord(em, fence, step);
    }

    /** The step was recorded before (this attempt's work is rolled back): answer with that record. */
    private static RolledBack rolledBackWithRecord(EntityManager em, Fence fence, TransactionalStep step) {
        List<String> recorded = em.createQuery(RECORDED, String.class)
                .setParameter("runId", fence.runId())
                .setParameter("cursorKey", step.cursorKey())
                .getResultList();
        return new RolledBack(recorded.isEmpty() ? new RecordedStep(WriteOutcome.LEASE_LOST, null)
                : new RecordedStep(WriteOutcome.WRITTEN, recorded.get(0)));
    }
}
