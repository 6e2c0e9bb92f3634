package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.WriteOutcome;
import jakarta.persistence.EntityManager;

/**
 * The transitions on H2: the fenced transition, its event and the parent's wake-up, each a statement; they need one
 * transaction, so they ask for one. No notification.
 */
final class H2Transitions implements TransitionStatements {

    private static final String COMPLETE = fenced("status = 'completed', output = " + H2Sql.json("output")
            + ", error_code = NULL, error_message = NULL, finished_at = " + H2Sql.NOW);
    private static final String FAIL = fenced("status = 'failed', error_code = :errorCode, "
            + "error_message = :errorMessage, finished_at = " + H2Sql.NOW);
    private static final String RELEASE = fenced("status = 'pending', suspensions = suspensions + 1, "
            + "available_at = " + H2Sql.NOW);

    private static final String EVENT = "INSERT INTO workflow.events (run_id, type, attempt, detail, at)"
            + " VALUES (:runId, :eventType, :attempt, :detail, " + H2Sql.NOW + ")";

    /** A child's terminal transition wakes its parent: the parent becomes claimable, its replay finds the child. */
    private static final String WAKE_PARENT = """
            UPDATE workflow.runs p SET available_at = %1$s, updated_at = %1$s
            WHERE p.id = (SELECT c.parent_run_id FROM workflow.runs c WHERE c.id = :runId)
              AND p.status = 'awaiting_child'
              AND p.wait_key = (SELECT c.parent_key FROM workflow.runs c WHERE c.id = :runId)
            """.formatted(H2Sql.NOW);

    @Override
    public WriteOutcome complete(Transactions tx, FlowClock clock, Fence fence, String outputJson) {
        return tx.inTransaction(em -> outcome(em, clock, SqlCall.of(em, COMPLETE).text("output", outputJson), fence,
                "completed", null, true));
    }

    @Override
    public WriteOutcome fail(Transactions tx, FlowClock clock, Fence fence, String errorCode, String errorMessage) {
        return tx.inTransaction(em -> outcome(em, clock, SqlCall.of(em, FAIL).text("errorCode", errorCode)
                .text("errorMessage", errorMessage), fence, "failed", errorCode, true));
    }

    @Override
    public WriteOutcome release(Transactions tx, FlowClock clock, Fence fence, String reason) {
        return tx.inTransaction(em -> outcome(em, clock, SqlCall.of(em, RELEASE), fence, "released", reason, false));
    }

    private static WriteOutcome outcome(EntityManager em, FlowClock clock, SqlCall transition, Fence fence,
            String eventType, String detail, boolean wakesParent) {
        if (transition.fence(fence).clock(clock).update() == 0) {
            return WriteOutcome.LEASE_LOST;
        }
        SqlCall.of(em, EVENT).uuid("runId", fence.runId()).integer("attempt", fence.attempt())
                .text("eventType", eventType).text("detail", detail).clock(clock).update();
        if (wakesParent) {
            SqlCall.of(em, WAKE_PARENT).uuid("runId", fence.runId()).clock(clock).update();
        }
        return WriteOutcome.WRITTEN;
    }

    private static String fenced(String set) {
        return "UPDATE workflow.runs SET " + set + ", lease_owner = NULL, lease_expires_at = NULL, updated_at = "
                + H2Sql.NOW + " WHERE " + Sql.FENCED;
    }
}
