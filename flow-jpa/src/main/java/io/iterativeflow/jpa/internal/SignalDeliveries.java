package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.SignalDelivery;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code deliverSignal}: one transaction locks the run's row, decides (duplicate, finished, timed out, delivered or
 * buffered) on a fresh snapshot, then stores the signal, its event and, when the run waited for it, the run's
 * wake-up, in one statement. A failure anywhere rolls back all of it.
 */
public final class SignalDeliveries {

    private static final String LOCK = """
            SELECT status, (%s) AS waits FROM workflow.runs WHERE id = :runId FOR UPDATE
            """.formatted(SignalSql.WAITS_FOR_NAME);

    private static final String CHECKS = """
            SELECT (SELECT count(*) FROM workflow.signals
                    WHERE run_id = :runId AND name = :name AND dedup_key = :dedup) AS duplicates,
                   (SELECT count(*) FROM workflow.signals
                    WHERE run_id = :runId AND name = :name AND %s) AS unconsumed,
                   (SELECT status FROM workflow.steps
                    WHERE run_id = :runId AND kind = 'signal' AND name = :name
                    ORDER BY position DESC, created_at DESC LIMIT 1) AS last_wait
            """.formatted(SignalSql.UNCONSUMED);

    private static final String STORE = """
            WITH s AS (
                INSERT INTO workflow.signals (run_id, name, payload, dedup_key, status, created_at)
                VALUES (:runId, :name, CAST(:payload AS jsonb), :dedup, :status, %1$s)
                RETURNING run_id
            ), w AS (
                UPDATE workflow.runs SET available_at = %1$s, updated_at = %1$s
                WHERE id = :runId AND :status = 'delivered' AND %2$s
                RETURNING id, flow_name
            ), n AS (
                %3$s
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at)
                SELECT r.id, 'signal_' || :status, r.attempts, :name, %1$s FROM workflow.runs r WHERE r.id = :runId
            )
            SELECT (SELECT count(*) FROM s) AS stored, (SELECT count(*) FROM w) AS woken, %4$s
            """.formatted(Sql.NOW, SignalSql.WAITS_FOR_NAME, Notify.ready("flow_name", "w"), Notify.NOTIFIED);

    /** H2: the run's wait is read under the lock and matched in Java ({@link SignalSql#waitsForName}). */
    private static final String H2_LOCK = """
            SELECT status, wait_kind, wait_key FROM workflow.runs WHERE id = :runId FOR UPDATE
            """;

    private static final String H2_STORE_SIGNAL = """
            INSERT INTO workflow.signals (run_id, name, payload, dedup_key, status, created_at)
            VALUES (:runId, :name, %s, :dedup, :status, %s)
            """.formatted(H2Sql.json("payload"), H2Sql.NOW);

    /** The run's row is locked since its wait was read, so the wait key still is the one read. */
    private static final String H2_WAKE = """
            UPDATE workflow.runs SET available_at = %1$s, updated_at = %1$s
            WHERE id = :runId AND status = 'awaiting_signal' AND wait_kind = 'signal' AND wait_key = :waitKey
            """.formatted(H2Sql.NOW);

    private static final String H2_EVENT = """
            INSERT INTO workflow.events (run_id, type, attempt, detail, at)
            SELECT r.id, 'signal_' || :status, r.attempts, :name, %s FROM workflow.runs r WHERE r.id = :runId
            """.formatted(H2Sql.NOW);

    private final Transactions tx;
    private final FlowClock clock;

    public SignalDeliveries(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** In a transaction of its own, or in the caller's JTA transaction when one is active. */
    public SignalDelivery deliver(UUID runId, String name, String payloadJson, Optional<String> deliveryId) {
        if (tx.dialect() == Dialect.H2) {
            return deliverH2(runId, name, payloadJson, deliveryId);
        }
        return tx.joining(em -> {
            List<Object[]> locked = SqlCall.of(em, LOCK).uuid("runId", runId).text("name", name)
                    .column("status", String.class).column("waits", Boolean.class).rows();
            if (locked.isEmpty()) {
                return SignalDelivery.RUN_NOT_FOUND;
            }
            SignalDelivery decision = decide(em, runId, name, deliveryId, (String) locked.get(0)[0],
                    Boolean.TRUE.equals(locked.get(0)[1]));
            if (decision == SignalDelivery.DELIVERED || decision == SignalDelivery.BUFFERED) {
                store(em, runId, name, payloadJson, deliveryId, decision);
            }
            return decision;
        });
    }

    private SignalDelivery deliverH2(UUID runId, String name, String payloadJson, Optional<String> deliveryId) {
        return tx.joining(em -> {
            List<Object[]> locked = SqlCall.of(em, H2_LOCK).uuid("runId", runId).column("status", String.class)
                    .column("wait_kind", String.class).column("wait_key", String.class).rows();
            if (locked.isEmpty()) {
                return SignalDelivery.RUN_NOT_FOUND;
            }
            String status = (String) locked.get(0)[0];
            String waitKey = (String) locked.get(0)[2];
            SignalDelivery decision = decide(em, runId, name, deliveryId, status,
                    SignalSql.waitsForName(status, (String) locked.get(0)[1], waitKey, name));
            if (decision == SignalDelivery.DELIVERED || decision == SignalDelivery.BUFFERED) {
                storeH2(em, runId, name, payloadJson, deliveryId, decision, waitKey);
            }
            return decision;
        });
    }

    private static SignalDelivery decide(EntityManager em, UUID runId, String name, Optional<String> deliveryId,
            String status, boolean waits) {
        Object[] row = SqlCall.of(em, CHECKS).uuid("runId", runId).text("name", name)
                .text("dedup", deliveryId.orElse(null))
                .column("duplicates", Long.class).column("unconsumed", Long.class).column("last_wait", String.class)
                .row();
        if ((Long) row[0] > 0) {
            return SignalDelivery.DUPLICATE;
        }
        if (List.of("completed", "failed", "canceled").contains(status)) {
            return SignalDelivery.RUN_FINISHED;
        }
        if (!waits && "failed".equals(row[2])) {
            return SignalDelivery.WAIT_TIMED_OUT;
        }
        return waits && (Long) row[1] == 0 ? SignalDelivery.DELIVERED : SignalDelivery.BUFFERED;
    }

    private void store(EntityManager em, UUID runId, String name, String payloadJson, Optional<String> deliveryId,
            SignalDelivery decision) {
        String status = decision == SignalDelivery.DELIVERED ? "delivered" : "buffered";
        Object[] row = SqlCall.of(em, STORE).uuid("runId", runId).text("name", name).text("payload", payloadJson)
                .text("dedup", deliveryId.orElse(null)).text("status", status).clock(clock)
                .column("stored", Long.class).column("woken", Long.class).row();
        if ((Long) row[0] != 1 || (decision == SignalDelivery.DELIVERED) != ((Long) row[1] == 1)) {
            throw new IllegalStateException("signal '" + name + "' for run " + runId + " was not stored as "
                    + status + "; rolled back");
        }
    }

    private void storeH2(EntityManager em, UUID runId, String name, String payloadJson, Optional<String> deliveryId,
            SignalDelivery decision, String waitKey) {
        String status = decision == SignalDelivery.DELIVERED ? "delivered" : "buffered";
        int stored = SqlCall.of(em, H2_STORE_SIGNAL).uuid("runId", runId).text("name", name)
                .text("payload", payloadJson).text("dedup", deliveryId.orElse(null)).text("status", status)
                .clock(clock).update();
        int woken = decision != SignalDelivery.DELIVERED ? 0 : SqlCall.of(em, H2_WAKE).uuid("runId", runId)
                .text("waitKey", waitKey).clock(clock).update();
        SqlCall.of(em, H2_EVENT).uuid("runId", runId).text("name", name).text("status", status).clock(clock)
                .update();
        if (stored != 1 || (decision == SignalDelivery.DELIVERED) != (woken == 1)) {
            throw new IllegalStateException("signal '" + name + "' for run " + runId + " was not stored as "
                    + status + "; rolled back");
        }
    }
}
