package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A cancel on H2: the run's row and its descendants' rows locked, then canceled, their events, the parent woken. */
final class H2Cancel implements CancelStatements {

    /** The run's row is locked first, so a cancel and a fenced write of the run take turns. */
    private static final String LOCK_RUN = """
            SELECT parent_run_id, parent_key FROM workflow.runs WHERE id = :runId FOR UPDATE
            """;

    private static final String DESCENDANTS = """
            WITH RECURSIVE descendants(id) AS (
                SELECT id FROM workflow.runs WHERE parent_run_id = :runId
                UNION ALL
                SELECT r.id FROM workflow.runs r JOIN descendants d ON r.parent_run_id = d.id
            )
            SELECT id FROM descendants
            """;

    /** The descendants' rows are locked before the update reads their status, as the run's row was. */
    private static final String LOCK_DESCENDANTS = """
            SELECT id FROM workflow.runs WHERE id IN (:ids) FOR UPDATE
            """;

    private static final String CANCEL = """
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

    private static final String EVENTS = """
            INSERT INTO workflow.events (run_id, type, attempt, detail, at, actor)
            SELECT id, 'canceled', attempts, cancel_reason, %s, CAST(:actor AS VARCHAR) FROM workflow.runs
            WHERE id IN (:ids)
            """.formatted(H2Sql.NOW);

    private static final String WAKE_PARENT = """
            UPDATE workflow.runs SET available_at = %1$s, updated_at = %1$s
            WHERE id = :parentId AND status = 'awaiting_child' AND wait_key = :parentKey
            """.formatted(H2Sql.NOW);

    @Override
    public Optional<Boolean> cancel(EntityManager em, FlowClock clock, UUID runId, String reason,
            String cascadeReason, String actor) {
        Optional<Parent> run = SqlCall.of(em, LOCK_RUN).uuid("runId", runId)
                .list(row -> new Parent(row.uuid("parent_run_id"), row.text("parent_key"))).stream().findFirst();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> ids = new ArrayList<>();
        ids.add(runId);
        ids.addAll(lockDescendants(em, runId));
        List<UUID> canceled = SqlCall.of(em, CANCEL).uuid("runId", runId).uuidList("ids", ids)
                .text("reason", reason).text("cascadeReason", cascadeReason).clock(clock)
                .list(row -> row.uuid("id"));
        if (canceled.isEmpty()) {
            return Optional.of(false);
        }
        SqlCall.of(em, EVENTS).uuidList("ids", canceled).text("actor", actor).clock(clock).update();
        boolean self = canceled.contains(runId);
        if (self && run.get().id() != null) {
            SqlCall.of(em, WAKE_PARENT).uuid("parentId", run.get().id()).text("parentKey", run.get().key())
                    .clock(clock).update();
        }
        return Optional.of(self);
    }

    /**
     * Locks every descendant, reading them again after each round of locks: a child created under a descendant
     * while the cancel waited for that descendant's lock is seen by the next read. Ends when a read finds no new one.
     */
    private static List<UUID> lockDescendants(EntityManager em, UUID runId) {
        Set<UUID> locked = new LinkedHashSet<>();
        while (true) {
            List<UUID> fresh = SqlCall.of(em, DESCENDANTS).uuid("runId", runId).list(row -> row.uuid("id"))
                    .stream().filter(id -> !locked.contains(id)).toList();
            if (fresh.isEmpty()) {
                return new ArrayList<>(locked);
            }
            SqlCall.of(em, LOCK_DESCENDANTS).uuidList("ids", fresh).list(row -> row.uuid("id"));
            locked.addAll(fresh);
        }
    }

    /** The canceled run's parent and the key it waits under, if the run is a child. */
    private record Parent(UUID id, String key) {
    }
}
