package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.WriteOutcome;

/** The transitions on PostgreSQL: one statement each, the row change plus its event (and the parent's wake-up). */
final class PgTransitions implements TransitionStatements {

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
    private static final String WAKE_PARENT = """
            , wake AS (
                UPDATE workflow.runs p SET available_at = %1$s, updated_at = %1$s
                FROM f WHERE p.id = f.parent_run_id AND p.status = 'awaiting_child' AND p.wait_key = f.parent_key
                RETURNING p.flow_name
            ), wn AS (
                %2$s
            )""".formatted(Sql.NOW, Notify.ready("flow_name", "wake"));

    /** The column that makes the statement evaluate {@code wn}, the notification of a woken parent. */
    private static final String WOKEN = "(SELECT count(*) FROM wn) AS woken";

    private static final String COMPLETE = statement("status = 'completed', output = CAST(:output AS jsonb), "
            + "error_code = NULL, error_message = NULL, finished_at = " + Sql.NOW, Notify.terminal("f"), true);
    private static final String FAIL = statement("status = 'failed', error_code = :errorCode, "
            + "error_message = :errorMessage, finished_at = " + Sql.NOW, Notify.terminal("f"), true);
    private static final String RELEASE = statement("status = 'pending', suspensions = suspensions + 1, "
            + "available_at = " + Sql.NOW, Notify.ready("flow_name", "f"), false);

    @Override
    public WriteOutcome complete(Transactions tx, FlowClock clock, Fence fence, String outputJson) {
        return tx.autoCommitted(em -> outcome(SqlCall.of(em, COMPLETE).text("output", outputJson)
                .text("eventType", "completed").text("detail", null), clock, fence));
    }

    @Override
    public WriteOutcome fail(Transactions tx, FlowClock clock, Fence fence, String errorCode, String errorMessage) {
        return tx.autoCommitted(em -> outcome(SqlCall.of(em, FAIL).text("errorCode", errorCode)
                .text("errorMessage", errorMessage).text("eventType", "failed").text("detail", errorCode), clock,
                fence));
    }

    @Override
    public WriteOutcome release(Transactions tx, FlowClock clock, Fence fence, String reason) {
        return tx.autoCommitted(em -> outcome(SqlCall.of(em, RELEASE)
                .text("eventType", "released").text("detail", reason), clock, fence));
    }

    private static WriteOutcome outcome(SqlCall call, FlowClock clock, Fence fence) {
        long fenced = call.fence(fence).clock(clock).one(row -> row.count("fenced"));
        return fenced == 0 ? WriteOutcome.LEASE_LOST : WriteOutcome.WRITTEN;
    }

    private static String statement(String set, String notify, boolean wakesParent) {
        return TEMPLATE.formatted(set, Sql.NOW, Sql.FENCED, Sql.NOW, notify, wakesParent ? WAKE_PARENT : "",
                Notify.NOTIFIED, wakesParent ? ", " + WOKEN : "");
    }
}
