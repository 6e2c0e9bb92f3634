package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.WriteOutcome;
import jakarta.persistence.EntityManager;

/**
 * The fenced transitions that end an attempt: complete, fail, release. Each is one statement (the row change plus
 * its event) and applies only while the attempt still owns a running run, so a terminal status is never left.
 */
public final class RunTransitions {

    private static final String TEMPLATE = """
            WITH f AS (
                UPDATE workflow.runs SET %s, lease_owner = NULL, lease_expires_at = NULL, updated_at = %s
                WHERE %s
                RETURNING id, flow_name, parent_run_id, parent_key
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at)
                SELECT id, :eventType, :attempt, :detail, %s FROM f
            ), n AS (
                %s
            )%s
            SELECT count(*) AS fenced, %s%s FROM f
            """;

    /**
     * A child's terminal transition wakes its parent in the same statement: the parent becomes claimable, and its
     * replay finds the ended child.
     */
    static final String WAKE_PARENT = """
            , wake AS (
                UPDATE workflow.runs p SET available_at = %1$s, updated_at = %1$s
                FROM f WHERE p.id = f.parent_run_id AND p.status = 'awaiting_child' AND p.wait_key = f.parent_key
                RETURNING p.flow_name
            ), wn AS (
                %2$s
            )""".formatted(Sql.NOW, Notify.ready("flow_name", "wake"));

    /** The column that makes the statement evaluate {@code wn}, the notification of a woken parent. */
    static final String WOKEN = "(SELECT count(*) FROM wn) AS woken";

    private static final String COMPLETE = statement("status = 'completed', output = CAST(:output AS jsonb), "
            + "error_code = NULL, error_message = NULL, finished_at = " + Sql.NOW, Notify.terminal("f"), true);
    private static final String FAIL = statement("status = 'failed', error_code = :errorCode, "
            + "error_message = :errorMessage, finished_at = " + Sql.NOW, Notify.terminal("f"), true);
    /** A release is a clean ending: it counts as a suspension, so shutdowns never use up max-run-attempts. */
    private static final String RELEASE = statement("status = 'pending', suspensions = suspensions + 1, "
            + "available_at = " + Sql.NOW, Notify.ready("flow_name", "f"), false);

    private static final String H2_COMPLETE = h2Fence("status = 'completed', output = " + H2Sql.json("output")
            + ", error_code = NULL, error_message = NULL, finished_at = " + H2Sql.NOW);
    private static final String H2_FAIL = h2Fence("status = 'failed', error_code = :errorCode, "
            + "error_message = :errorMessage, finished_at = " + H2Sql.NOW);
    private static final String H2_RELEASE = h2Fence("status = 'pending', suspensions = suspensions + 1, "
            + "available_at = " + H2Sql.NOW);

    private static final String H2_EVENT = "INSERT INTO workflow.events (run_id, type, attempt, detail, at)"
            + " VALUES (:runId, :eventType, :attempt, :detail, " + H2Sql.NOW + ")";

    /** H2: {@link #WAKE_PARENT} after the child's transition, in its transaction. */
    static final String H2_WAKE_PARENT = """
            UPDATE workflow.runs p SET available_at = %1$s, updated_at = %1$s
            WHERE p.id = (SELECT c.parent_run_id FROM workflow.runs c WHERE c.id = :runId)
              AND p.status = 'awaiting_child'
              AND p.wait_key = (SELECT c.parent_key FROM workflow.runs c WHERE c.id = :runId)
            """.formatted(H2Sql.NOW);

    private final Transactions tx;
    private final FlowClock clock;

    public RunTransitions(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public WriteOutcome complete(Fence fence, String outputJson) {
        if (tx.dialect() == Dialect.H2) {
            return tx.autoCommitted(em -> outcomeH2(em, SqlCall.of(em, H2_COMPLETE).text("output", outputJson),
                    fence, "completed", null, true));
        }
        return tx.autoCommitted(em -> outcome(SqlCall.of(em, COMPLETE).text("output", outputJson)
                .text("eventType", "completed").text("detail", null), fence));
    }

    public WriteOutcome fail(Fence fence, String errorCode, String errorMessage) {
        if (tx.dialect() == Dialect.H2) {
            return tx.autoCommitted(em -> outcomeH2(em, SqlCall.of(em, H2_FAIL).text("errorCode", errorCode)
                    .text("errorMessage", errorMessage), fence, "failed", errorCode, true));
        }
        return tx.autoCommitted(em -> outcome(SqlCall.of(em, FAIL).text("errorCode", errorCode)
                .text("errorMessage", errorMessage).text("eventType", "failed").text("detail", errorCode), fence));
    }

    public WriteOutcome release(Fence fence, String reason) {
        if (tx.dialect() == Dialect.H2) {
            return tx.autoCommitted(em -> outcomeH2(em, SqlCall.of(em, H2_RELEASE), fence, "released", reason,
                    false));
        }
        return tx.autoCommitted(em -> outcome(SqlCall.of(em, RELEASE)
                .text("eventType", "released").text("detail", reason), fence));
    }

    private WriteOutcome outcome(SqlCall call, Fence fence) {
        Object[] row = call.fence(fence).clock(clock).column("fenced", Long.class).row();
        return (Long) row[0] == 0 ? WriteOutcome.LEASE_LOST : WriteOutcome.WRITTEN;
    }

    private static String statement(String set, String notify, boolean wakesParent) {
        return TEMPLATE.formatted(set, Sql.NOW, Sql.FENCED, Sql.NOW, notify, wakesParent ? WAKE_PARENT : "",
                Notify.NOTIFIED, wakesParent ? ", " + WOKEN : "");
    }

    /** H2: the fenced transition, its event and the parent's wake-up, each a statement of one transaction. */
    private WriteOutcome outcomeH2(EntityManager em, SqlCall transition, Fence fence, String eventType,
            String detail, boolean wakesParent) {
        if (transition.fence(fence).clock(clock).update() == 0) {
            return WriteOutcome.LEASE_LOST;
        }
        SqlCall.of(em, H2_EVENT).uuid("runId", fence.runId()).integer("attempt", fence.attempt())
                .text("eventType", eventType).text("detail", detail).clock(clock).update();
        if (wakesParent) {
            SqlCall.of(em, H2_WAKE_PARENT).uuid("runId", fence.runId()).clock(clock).update();
        }
        return WriteOutcome.WRITTEN;
    }

    private static String h2Fence(String set) {
        return "UPDATE workflow.runs SET " + set + ", lease_owner = NULL, lease_expires_at = NULL, updated_at = "
                + H2Sql.NOW + " WHERE " + Sql.FENCED;
    }
}
