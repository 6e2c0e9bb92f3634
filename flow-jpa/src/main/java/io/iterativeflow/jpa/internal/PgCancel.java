package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/** A cancel on PostgreSQL: one recursive statement, then {@link #CASCADE} until no descendant is left. */
final class PgCancel implements CancelStatements {

    /**
     * The run and every descendant that has not ended are canceled together (descendants with the reason "parent
     * canceled"). If the run is a child, its parent is woken and sees the child canceled.
     */
    private static final String CANCEL = """
            WITH RECURSIVE descendants AS (
                SELECT id FROM workflow.runs WHERE parent_run_id = :runId
                UNION ALL
                SELECT r.id FROM workflow.runs r JOIN descendants d ON r.parent_run_id = d.id
            ), known AS (
                SELECT id FROM workflow.runs WHERE id = :runId
            ), c AS (
                UPDATE workflow.runs
                SET status = 'canceled',
                    cancel_reason = CASE WHEN id = :runId THEN :reason ELSE :cascadeReason END,
                    error_code = 'RUN_CANCELED',
                    error_message = CASE WHEN id = :runId THEN :reason ELSE :cascadeReason END,
                    finished_at = %1$s, updated_at = %1$s, lease_owner = NULL, lease_expires_at = NULL
                WHERE (id = :runId OR id IN (SELECT id FROM descendants)) AND status NOT IN %2$s
                RETURNING id, attempts, parent_run_id, parent_key, cancel_reason
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at, actor)
                SELECT id, 'canceled', attempts, cancel_reason, %1$s, CAST(:actor AS text) FROM c
            ), n AS (
                %3$s
            ), wake AS (
                UPDATE workflow.runs p SET available_at = %1$s, updated_at = %1$s
                FROM c WHERE c.id = :runId AND p.id = c.parent_run_id AND p.status = 'awaiting_child'
                  AND p.wait_key = c.parent_key
                RETURNING p.flow_name
            ), wn AS (
                %5$s
            )
            SELECT (SELECT count(*) FROM known) AS known, (SELECT count(*) FROM c WHERE id = :runId) AS canceled, %4$s,
                   (SELECT count(*) FROM wn) AS woken
            """.formatted(Sql.NOW, Sql.TERMINAL, Notify.canceled("c"), Notify.NOTIFIED,
                    Notify.ready("flow_name", "wake"));

    /**
     * The descendants the statement above could not see: it reads one snapshot, so a child that a parent created (or
     * adopted) while the cancel waited for the parent's row lock is missed. Each run of this statement takes a new
     * snapshot and cancels what is still not ended; it runs until it finds nothing. A run it canceled stays locked
     * until the cancel commits, and a parent starts children only while it holds its own row, running and owned, so
     * no new descendant can appear behind the last run.
     */
    private static final String CASCADE = """
            WITH RECURSIVE descendants AS (
                SELECT id FROM workflow.runs WHERE parent_run_id = :runId
                UNION ALL
                SELECT r.id FROM workflow.runs r JOIN descendants d ON r.parent_run_id = d.id
            ), c AS (
                UPDATE workflow.runs
                SET status = 'canceled', cancel_reason = :cascadeReason, error_code = 'RUN_CANCELED',
                    error_message = :cascadeReason, finished_at = %1$s, updated_at = %1$s, lease_owner = NULL,
                    lease_expires_at = NULL
                WHERE id IN (SELECT id FROM descendants) AND status NOT IN %2$s
                RETURNING id, attempts, cancel_reason
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at, actor)
                SELECT id, 'canceled', attempts, cancel_reason, %1$s, CAST(:actor AS text) FROM c
            ), n AS (
                %3$s
            )
            SELECT (SELECT count(*) FROM c) AS canceled, %4$s
            """.formatted(Sql.NOW, Sql.TERMINAL, Notify.canceled("c"), Notify.NOTIFIED);

    @Override
    public Optional<Boolean> cancel(EntityManager em, FlowClock clock, UUID runId, String reason,
            String cascadeReason, String actor) {
        Canceled row = SqlCall.of(em, CANCEL).uuid("runId", runId).text("reason", reason)
                .text("cascadeReason", cascadeReason).text("actor", actor).clock(clock)
                .one(r -> new Canceled(r.count("known"), r.count("canceled")));
        if (row.canceled() == 1) {
            cancelLateDescendants(em, clock, runId, cascadeReason, actor);
            return Optional.of(true);
        }
        return row.known() == 1 ? Optional.of(false) : Optional.empty();
    }

    /** Runs {@link #CASCADE} until it finds no descendant left to cancel. */
    private static void cancelLateDescendants(EntityManager em, FlowClock clock, UUID runId, String cascadeReason,
            String actor) {
        long canceled;
        do {
            canceled = SqlCall.of(em, CASCADE).uuid("runId", runId).text("cascadeReason", cascadeReason)
                    .text("actor", actor).clock(clock).one(r -> r.count("canceled"));
        } while (canceled > 0);
    }

    /** Whether the run exists, and whether this statement canceled it. */
    private record Canceled(long known, long canceled) {
    }
}
