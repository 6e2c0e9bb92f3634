package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code cancel}: not fenced (any instance may cancel any run) but guarded, so it never leaves a terminal status: a
 * cancel racing a completion leaves exactly one of them. The owner notices at its next fenced write or renewal.
 */
public final class Cancellation {

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
                INSERT INTO workflow.events (run_id, type, attempt, detail, at)
                SELECT id, 'canceled', attempts, cancel_reason, %1$s FROM c
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

    private final Transactions tx;
    private final FlowClock clock;

    public Cancellation(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public Optional<Boolean> cancel(UUID runId, String reason) {
        return tx.inTransaction(em -> {
            Object[] row = SqlCall.of(em, CANCEL).uuid("runId", runId).text("reason", reason)
                    .text("cascadeReason", "parent canceled: " + reason).clock(clock)
                    .column("known", Long.class).column("canceled", Long.class)
                    .row();
            if ((Long) row[1] == 1) {
                return Optional.of(true);
            }
            return (Long) row[0] == 1 ? Optional.of(false) : Optional.empty();
        });
    }
}
