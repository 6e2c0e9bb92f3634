package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code cancel}: not fenced (any instance may cancel any run) but guarded, so it never leaves a terminal status: a
 * cancel racing a completion leaves exactly one of them. The owner notices at its next fenced write or renewal.
 */
public final class Cancellation {

    private static final String CANCEL = """
            WITH known AS (
                SELECT id FROM workflow.runs WHERE id = :runId
            ), c AS (
                UPDATE workflow.runs
                SET status = 'canceled', cancel_reason = :reason, error_code = 'RUN_CANCELED',
                    error_message = :reason, finished_at = %1$s, updated_at = %1$s,
                    lease_owner = NULL, lease_expires_at = NULL
                WHERE id = :runId AND status NOT IN %2$s
                RETURNING id, attempts
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at)
                SELECT id, 'canceled', attempts, :reason, %1$s FROM c
            ), n AS (
                %3$s
            )
            SELECT (SELECT count(*) FROM known) AS known, (SELECT count(*) FROM c) AS canceled, %4$s
            """.formatted(Sql.NOW, Sql.TERMINAL, Notify.canceled("c"), Notify.NOTIFIED);

    private final Transactions tx;
    private final FlowClock clock;

    public Cancellation(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public Optional<Boolean> cancel(UUID runId, String reason) {
        return tx.inTransaction(em -> {
            Object[] row = SqlCall.of(em, CANCEL).uuid("runId", runId).text("reason", reason).clock(clock)
                    .column("known", Long.class).column("canceled", Long.class)
                    .row();
            if ((Long) row[1] == 1) {
                return Optional.of(true);
            }
            return (Long) row[0] == 1 ? Optional.of(false) : Optional.empty();
        });
    }
}
