package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** A child invocation's statements on PostgreSQL. */
final class PgChildren implements ChildStatements {

    private static final String LOCK_PARENT = """
            SELECT depth, (SELECT count(*) FROM workflow.runs c WHERE c.parent_run_id = :runId) AS children
            FROM workflow.runs WHERE %s FOR UPDATE
            """.formatted(Sql.FENCED);

    private static final String INSERT_CHILD = """
            WITH ins AS (
                INSERT INTO workflow.runs (id, flow_name, flow_version, status, input, idempotency_key, tags,
                                           priority, attempts, available_at, depth, parent_run_id, parent_key,
                                           created_at, updated_at, trace_parent, started_by)
                VALUES (:childId, :flowName, :flowVersion, 'pending', CAST(:input AS jsonb), :idempotencyKey,
                        CAST(:tags AS text[]), :priority, 0, %1$s, :depth, :runId, :cursorKey, %1$s, %1$s,
                        :traceParent,
                        (SELECT p.started_by FROM workflow.runs p WHERE p.id = :runId))
                ON CONFLICT (flow_name, flow_version, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
                RETURNING id, created_at, flow_name
            ), created AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at)
                SELECT id, 'created', 0, :parentDetail, created_at FROM ins
            ), n AS (
                %2$s
            )
            SELECT id, %3$s FROM ins
            """.formatted(Sql.NOW, Notify.ready("flow_name", "ins"), Notify.NOTIFIED);

    private static final String AWAIT = """
            WITH f AS (
                UPDATE workflow.runs
                SET status = 'awaiting_child', wait_kind = 'invoke', wait_key = :cursorKey, available_at = 'infinity',
                    lease_owner = NULL, lease_expires_at = NULL, suspensions = suspensions + 1, updated_at = %1$s
                WHERE %2$s
                RETURNING id
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, cursor_key, detail, at)
                SELECT id, 'awaiting_child', :attempt, :cursorKey, :childDetail, %1$s FROM f
            )
            SELECT count(*) AS fenced FROM f
            """.formatted(Sql.NOW, Sql.FENCED);

    private static final String WAKE_STRANDED = """
            UPDATE workflow.runs SET available_at = %1$s, updated_at = %1$s
            WHERE id IN (
                SELECT p.id FROM workflow.runs p
                WHERE p.status = 'awaiting_child' AND p.available_at = 'infinity'
                  AND EXISTS (SELECT 1 FROM workflow.runs c WHERE c.parent_run_id = p.id AND c.parent_key = p.wait_key
                              AND c.status IN %2$s)
                LIMIT :limit FOR UPDATE SKIP LOCKED)
            """.formatted(Sql.NOW, Sql.TERMINAL);

    @Override
    public <T> T inTransaction(Transactions tx, Function<EntityManager, T> invocation) {
        return tx.inTransaction(invocation);
    }

    @Override
    public Optional<LockedParent> lockParent(EntityManager em, Fence parent) {
        return SqlCall.of(em, LOCK_PARENT).fence(parent)
                .list(row -> new LockedParent(row.integer("depth"), row.count("children"))).stream().findFirst();
    }

    @Override
    public boolean insert(EntityManager em, FlowClock clock, Fence parent, String cursorKey, NewRun child,
            int depth) {
        return !SqlCall.of(em, INSERT_CHILD)
                .uuid("childId", child.id())
                .text("flowName", child.flowName())
                .integer("flowVersion", child.flowVersion())
                .text("input", child.inputJson())
                .text("traceParent", child.traceParent())
                .text("idempotencyKey", child.idempotencyKey().orElse(null))
                .text("tags", Sql.textArray(child.tags()))
                .integer("priority", child.priority())
                .integer("depth", depth)
                .uuid("runId", parent.runId())
                .text("cursorKey", cursorKey)
                .text("parentDetail", "child of " + parent.runId() + " at " + cursorKey)
                .clock(clock)
                .list(row -> row.uuid("id"))
                .isEmpty();
    }

    @Override
    public boolean await(EntityManager em, FlowClock clock, Fence parent, String cursorKey, UUID childId) {
        return SqlCall.of(em, AWAIT).fence(parent).clock(clock).text("cursorKey", cursorKey)
                .text("childDetail", childId.toString()).one(row -> row.count("fenced")) == 1;
    }

    @Override
    public int wakeStranded(EntityManager em, FlowClock clock, int limit) {
        return SqlCall.of(em, WAKE_STRANDED).integer("limit", limit).clock(clock).update();
    }
}
