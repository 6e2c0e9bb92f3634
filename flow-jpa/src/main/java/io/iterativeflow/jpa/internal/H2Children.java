package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** A child invocation's statements on H2. */
final class H2Children implements ChildStatements {

    /** The wake time of a parent that waits for its child, a finite far date (H2 has no {@code 'infinity'}). */
    private static final String NEVER = "TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00'";

    private static final String LOCK_PARENT = "SELECT depth FROM workflow.runs WHERE " + Sql.FENCED + " FOR UPDATE";

    private static final String CHILDREN = "SELECT count(*) AS children FROM workflow.runs"
            + " WHERE parent_run_id = :runId";

    /** The run holding the child's key, locked. */
    private static final String KEY_HOLDER = "SELECT id FROM workflow.runs"
            + " WHERE flow_name = :flowName AND flow_version = :flowVersion AND idempotency_key = :idempotencyKey"
            + " FOR UPDATE";

    private static final String INSERT_CHILD = """
            INSERT INTO workflow.runs (id, flow_name, flow_version, status, input, idempotency_key, tags, priority,
                                       attempts, available_at, depth, parent_run_id, parent_key, created_at, updated_at,
                                       trace_parent, started_by)
            VALUES (:childId, :flowName, :flowVersion, 'pending', %1$s, :idempotencyKey, %%s, :priority, 0, %2$s,
                    :depth, :runId, :cursorKey, %2$s, %2$s, :traceParent,
                    (SELECT p.started_by FROM workflow.runs p WHERE p.id = :runId))
            """.formatted(H2Sql.json("input"), H2Sql.NOW);

    private static final String CREATED_EVENT = "INSERT INTO workflow.events (run_id, type, attempt, detail, at)"
            + " SELECT id, 'created', 0, :parentDetail, created_at FROM workflow.runs WHERE id = :childId";

    private static final String AWAIT = """
            UPDATE workflow.runs
            SET status = 'awaiting_child', wait_kind = 'invoke', wait_key = :cursorKey, available_at = %1$s,
                lease_owner = NULL, lease_expires_at = NULL, suspensions = suspensions + 1, updated_at = %2$s
            WHERE %3$s
            """.formatted(NEVER, H2Sql.NOW, Sql.FENCED);

    private static final String AWAIT_EVENT = "INSERT INTO workflow.events (run_id, type, attempt, cursor_key,"
            + " detail, at) VALUES (:runId, 'awaiting_child', :attempt, :cursorKey, :childDetail, " + H2Sql.NOW + ")";

    /** Parents that wait for a child that has ended, each locked unless another transaction holds it. */
    private static final H2SkipLocked STRANDED = new H2SkipLocked("""
            status = 'awaiting_child' AND available_at = %1$s
            AND EXISTS (SELECT 1 FROM workflow.runs c WHERE c.parent_run_id = workflow.runs.id
                        AND c.parent_key = workflow.runs.wait_key AND c.status IN %2$s)""".formatted(NEVER,
            Sql.TERMINAL), "id");

    private static final String WAKE = "UPDATE workflow.runs SET available_at = " + H2Sql.NOW + ", updated_at = "
            + H2Sql.NOW + " WHERE id IN (:ids)";

    /** H2 rejects a key another transaction holds uncommitted at once: the invocation is tried again. */
    @Override
    public <T> T inTransaction(Transactions tx, Function<EntityManager, T> invocation) {
        return H2KeyRaces.retry("invoking a child run", () -> tx.inTransaction(invocation));
    }

    /** The parent's row locked, then its children counted. */
    @Override
    public Optional<LockedParent> lockParent(EntityManager em, Fence parent) {
        List<Integer> depth = SqlCall.of(em, LOCK_PARENT).fence(parent).list(row -> row.integer("depth"));
        if (depth.isEmpty()) {
            return Optional.empty();
        }
        long children = SqlCall.of(em, CHILDREN).uuid("runId", parent.runId()).one(row -> row.count("children"));
        return Optional.of(new LockedParent(depth.get(0), children));
    }

    /** The child and its {@code created} event, unless a run already holds its key. */
    @Override
    public boolean insert(EntityManager em, FlowClock clock, Fence parent, String cursorKey, NewRun child,
            int depth) {
        if (child.idempotencyKey().isPresent() && !SqlCall.of(em, KEY_HOLDER).text("flowName", child.flowName())
                .integer("flowVersion", child.flowVersion())
                .text("idempotencyKey", child.idempotencyKey().get())
                .list(row -> row.uuid("id")).isEmpty()) {
            return false;
        }
        List<String> tags = List.copyOf(child.tags());
        SqlCall.of(em, INSERT_CHILD.formatted(H2Sql.textArray("tags", tags)))
                .uuid("childId", child.id())
                .text("flowName", child.flowName())
                .integer("flowVersion", child.flowVersion())
                .text("input", child.inputJson())
                .text("traceParent", child.traceParent())
                .text("idempotencyKey", child.idempotencyKey().orElse(null))
                .texts("tags", tags)
                .integer("priority", child.priority())
                .integer("depth", depth)
                .uuid("runId", parent.runId())
                .text("cursorKey", cursorKey)
                .clock(clock)
                .update();
        SqlCall.of(em, CREATED_EVENT).uuid("childId", child.id())
                .text("parentDetail", "child of " + parent.runId() + " at " + cursorKey).update();
        return true;
    }

    @Override
    public boolean await(EntityManager em, FlowClock clock, Fence parent, String cursorKey, UUID childId) {
        int fenced = SqlCall.of(em, AWAIT).fence(parent).clock(clock).text("cursorKey", cursorKey).update();
        if (fenced == 0) {
            return false;
        }
        SqlCall.of(em, AWAIT_EVENT).uuid("runId", parent.runId()).integer("attempt", parent.attempt())
                .text("cursorKey", cursorKey).text("childDetail", childId.toString()).clock(clock).update();
        return true;
    }

    @Override
    public int wakeStranded(EntityManager em, FlowClock clock, int limit) {
        List<UUID> stranded = STRANDED.lock(em, limit, c -> c);
        if (stranded.isEmpty()) {
            return 0;
        }
        return SqlCall.of(em, WAKE).uuidList("ids", stranded).clock(clock).update();
    }
}
