package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
                INSERT INTO workflow.events (run_id, type, attempt, detail, at)
                SELECT id, 'canceled', attempts, cancel_reason, %1$s FROM c
            ), n AS (
                %3$s
            )
            SELECT (SELECT count(*) FROM c) AS canceled, %4$s
            """.formatted(Sql.NOW, Sql.TERMINAL, Notify.canceled("c"), Notify.NOTIFIED);

    /** H2: the run's row is locked first, so a cancel and a fenced write of the run take turns. */
    private static final String H2_LOCK_RUN = """
            SELECT parent_run_id, parent_key FROM workflow.runs WHERE id = :runId FOR UPDATE
            """;

    private static final String H2_DESCENDANTS = """
            WITH RECURSIVE descendants(id) AS (
                SELECT id FROM workflow.runs WHERE parent_run_id = :runId
                UNION ALL
                SELECT r.id FROM workflow.runs r JOIN descendants d ON r.parent_run_id = d.id
            )
            SELECT id FROM descendants
            """;

    /** The descendants' rows are locked before the update reads their status, as the run's row was. */
    private static final String H2_LOCK_DESCENDANTS = """
            SELECT id FROM workflow.runs WHERE id IN (:ids) FOR UPDATE
            """;

    private static final String H2_CANCEL = """
            SELECT id FROM FINAL TABLE (
                UPDATE workflow.runs
                SET status = 'canceled',
                    cancel_reason = CASE WHEN id = :runId THEN :reason ELSE :cascadeReason END,
                    error_code = 'RUN_CANCELED',
                    error_message = CASE WHEN id = :runId THEN :reason ELSE :cascadeReason END,
                    finished_at = %1$s, updated_at = %1$s, lease_owner = NULL, lease_expires_at = NULL
                WHERE id IN (:ids) AND status NOT IN %2$s
            )
            """.formatted(H2Sql.NOW, Sql.TERMINAL);

    private static final String H2_EVENTS = """
            INSERT INTO workflow.events (run_id, type, attempt, detail, at)
            SELECT id, 'canceled', attempts, cancel_reason, %s FROM workflow.runs WHERE id IN (:ids)
            """.formatted(H2Sql.NOW);

    private static final String H2_WAKE_PARENT = """
            UPDATE workflow.runs SET available_at = %1$s, updated_at = %1$s
            WHERE id = :parentId AND status = 'awaiting_child' AND wait_key = :parentKey
            """.formatted(H2Sql.NOW);

    /** PostgreSQL's {@code deadlock_detected}. */
    private static final String DEADLOCK = "40P01";
    /** H2 reports a deadlock as a serialization failure. */
    private static final String H2_DEADLOCK = "40001";
    private static final int DEADLOCK_TRIES = 3;

    private final Transactions tx;
    private final FlowClock clock;

    public Cancellation(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Cancels the run and its descendants. A cancel locks a parent before its children while a child that ends locks
     * itself before waking its parent, so the two can deadlock; the database then rolls one of them back, and a
     * cancel rolled back that way is simply run again (the child, if it was the one rolled back, is canceled anyway).
     */
    public Optional<Boolean> cancel(UUID runId, String reason) {
        for (int tries = 1; ; tries++) {
            try {
                return cancelOnce(runId, reason);
            } catch (FlowException e) {
                if (tries >= DEADLOCK_TRIES || !deadlocked(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean deadlocked(FlowException e) {
        SQLException sql = StoreErrors.sqlCause(e);
        return sql != null && (DEADLOCK.equals(sql.getSQLState()) || H2_DEADLOCK.equals(sql.getSQLState()));
    }

    private Optional<Boolean> cancelOnce(UUID runId, String reason) {
        if (tx.dialect() == Dialect.H2) {
            return tx.inTransaction(em -> cancelH2(em, runId, reason));
        }
        return tx.inTransaction(em -> {
            Object[] row = SqlCall.of(em, CANCEL).uuid("runId", runId).text("reason", reason)
                    .text("cascadeReason", "parent canceled: " + reason).clock(clock)
                    .column("known", Long.class).column("canceled", Long.class)
                    .row();
            if ((Long) row[1] == 1) {
                cancelLateDescendants(em, runId, reason);
                return Optional.of(true);
            }
            return (Long) row[0] == 1 ? Optional.of(false) : Optional.empty();
        });
    }

    /** Runs {@link #CASCADE} until it finds no descendant left to cancel. */
    private void cancelLateDescendants(EntityManager em, UUID runId, String reason) {
        long canceled;
        do {
            canceled = (Long) SqlCall.of(em, CASCADE).uuid("runId", runId)
                    .text("cascadeReason", "parent canceled: " + reason).clock(clock)
                    .column("canceled", Long.class).row()[0];
        } while (canceled > 0);
    }

    private Optional<Boolean> cancelH2(EntityManager em, UUID runId, String reason) {
        List<Object[]> run = SqlCall.of(em, H2_LOCK_RUN).uuid("runId", runId)
                .column("parent_run_id", UUID.class).column("parent_key", String.class).rows();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> ids = new ArrayList<>();
        ids.add(runId);
        ids.addAll(lockDescendantsH2(em, runId));
        List<UUID> canceled = SqlCall.of(em, H2_CANCEL).uuid("runId", runId).uuidList("ids", ids)
                .text("reason", reason).text("cascadeReason", "parent canceled: " + reason).clock(clock)
                .column("id", UUID.class).rows().stream().map(r -> (UUID) r[0]).toList();
        if (canceled.isEmpty()) {
            return Optional.of(false);
        }
        SqlCall.of(em, H2_EVENTS).uuidList("ids", canceled).clock(clock).update();
        boolean self = canceled.contains(runId);
        if (self && run.get(0)[0] != null) {
            SqlCall.of(em, H2_WAKE_PARENT).uuid("parentId", (UUID) run.get(0)[0])
                    .text("parentKey", (String) run.get(0)[1]).clock(clock).update();
        }
        return Optional.of(self);
    }

    /**
     * H2: locks every descendant, reading them again after each round of locks: a child created under a descendant
     * while the cancel waited for that descendant's lock is seen by the next read. Ends when a read finds no new one.
     */
    private static List<UUID> lockDescendantsH2(EntityManager em, UUID runId) {
        Set<UUID> locked = new LinkedHashSet<>();
        while (true) {
            List<UUID> fresh = SqlCall.of(em, H2_DESCENDANTS).uuid("runId", runId).column("id", UUID.class).rows()
                    .stream().map(r -> (UUID) r[0]).filter(id -> !locked.contains(id)).toList();
            if (fresh.isEmpty()) {
                return new ArrayList<>(locked);
            }
            SqlCall.of(em, H2_LOCK_DESCENDANTS).uuidList("ids", fresh).column("id", UUID.class).rows();
            locked.addAll(fresh);
        }
    }
}
