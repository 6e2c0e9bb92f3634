package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.ChildOutcome;
import io.iterativeflow.core.spi.ChildOutcome.Kind;
import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * {@code invokeChild}: a few statements in one transaction, with the parent's row locked first, so a parent never
 * starts two children for one call. A child's terminal transition wakes its parent ({@link RunTransitions},
 * {@link Cancellation}); {@link #wakeParentsOfEndedChildren} is the reconciler's safety net.
 */
public final class ChildInvocation {

    private static final String LOCK_PARENT = """
            SELECT depth, (SELECT count(*) FROM workflow.runs c WHERE c.parent_run_id = :runId) AS children
            FROM workflow.runs WHERE %s FOR UPDATE
            """.formatted(Sql.FENCED);

    private static final String CHILD_COLUMNS = "id, parent_run_id, status, CAST(output AS text) AS output,"
            + " error_code, error_message";

    private static final String RECORDED_CHILD = "SELECT " + CHILD_COLUMNS
            + " FROM workflow.runs WHERE parent_run_id = :runId AND parent_key = :cursorKey";

    private static final String KEY_HOLDER = "SELECT " + CHILD_COLUMNS + " FROM workflow.runs"
            + " WHERE flow_name = :flowName AND flow_version = :flowVersion AND idempotency_key = :idempotencyKey"
            + " FOR UPDATE";

    private static final String ADOPT = "UPDATE workflow.runs SET parent_run_id = :runId, parent_key = :cursorKey"
            + " WHERE id = :childId AND parent_run_id IS NULL RETURNING id";

    private static final String INSERT_CHILD = """
            WITH ins AS (
                INSERT INTO workflow.runs (id, flow_name, flow_version, status, input, idempotency_key, tags,
                                           priority, attempts, available_at, depth, parent_run_id, parent_key,
                                           created_at, updated_at)
                VALUES (:childId, :flowName, :flowVersion, 'pending', CAST(:input AS jsonb), :idempotencyKey,
                        CAST(:tags AS text[]), :priority, 0, %1$s, :depth, :runId, :cursorKey, %1$s, %1$s)
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


    /** H2: the wake time of a parent that waits for its child, a finite far date (H2 has no {@code 'infinity'}). */
    private static final String H2_NEVER = "TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00'";

    private static final String H2_LOCK_PARENT = "SELECT depth FROM workflow.runs WHERE " + Sql.FENCED + " FOR UPDATE";

    private static final String H2_CHILDREN = "SELECT count(*) AS children FROM workflow.runs"
            + " WHERE parent_run_id = :runId";

    private static final String H2_CHILD_COLUMNS = "id, parent_run_id, status, CAST(output AS VARCHAR) AS output,"
            + " error_code, error_message";

    private static final String H2_RECORDED_CHILD = "SELECT " + H2_CHILD_COLUMNS
            + " FROM workflow.runs WHERE parent_run_id = :runId AND parent_key = :cursorKey";

    private static final String H2_KEY_HOLDER = "SELECT " + H2_CHILD_COLUMNS + " FROM workflow.runs"
            + " WHERE flow_name = :flowName AND flow_version = :flowVersion AND idempotency_key = :idempotencyKey"
            + " FOR UPDATE";

    private static final String H2_ADOPT = "UPDATE workflow.runs SET parent_run_id = :runId, parent_key = :cursorKey"
            + " WHERE id = :childId AND parent_run_id IS NULL";

    private static final String H2_INSERT_CHILD = """
            INSERT INTO workflow.runs (id, flow_name, flow_version, status, input, idempotency_key, tags, priority,
                                       attempts, available_at, depth, parent_run_id, parent_key, created_at, updated_at)
            VALUES (:childId, :flowName, :flowVersion, 'pending', %1$s, :idempotencyKey, %%s, :priority, 0, %2$s,
                    :depth, :runId, :cursorKey, %2$s, %2$s)
            """.formatted(H2Sql.json("input"), H2Sql.NOW);

    private static final String H2_CREATED_EVENT = "INSERT INTO workflow.events (run_id, type, attempt, detail, at)"
            + " SELECT id, 'created', 0, :parentDetail, created_at FROM workflow.runs WHERE id = :childId";

    private static final String H2_AWAIT = """
            UPDATE workflow.runs
            SET status = 'awaiting_child', wait_kind = 'invoke', wait_key = :cursorKey, available_at = %1$s,
                lease_owner = NULL, lease_expires_at = NULL, suspensions = suspensions + 1, updated_at = %2$s
            WHERE %3$s
            """.formatted(H2_NEVER, H2Sql.NOW, Sql.FENCED);

    private static final String H2_AWAIT_EVENT = "INSERT INTO workflow.events (run_id, type, attempt, cursor_key,"
            + " detail, at) VALUES (:runId, 'awaiting_child', :attempt, :cursorKey, :childDetail, " + H2Sql.NOW + ")";

    /** H2: parents that wait for a child that has ended, each locked unless another transaction holds it. */
    private static final H2SkipLocked H2_STRANDED = new H2SkipLocked("""
            status = 'awaiting_child' AND available_at = %1$s
            AND EXISTS (SELECT 1 FROM workflow.runs c WHERE c.parent_run_id = workflow.runs.id
                        AND c.parent_key = workflow.runs.wait_key AND c.status IN %2$s)""".formatted(H2_NEVER,
            Sql.TERMINAL), "id");

    private static final String H2_WAKE = "UPDATE workflow.runs SET available_at = " + H2Sql.NOW + ", updated_at = "
            + H2Sql.NOW + " WHERE id IN (:ids)";

    private final Transactions tx;
    private final FlowClock clock;

    public ChildInvocation(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public ChildOutcome invoke(Fence parent, String cursorKey, NewRun child, int maxDepth, int maxChildren) {
        if (tx.dialect() == Dialect.H2) {
            return H2KeyRaces.retry("invoking a child run", () -> tx.inTransaction(
                    em -> invokeInH2(em, parent, cursorKey, child, maxDepth, maxChildren)));
        }
        return tx.inTransaction(em -> {
            List<Object[]> locked = SqlCall.of(em, LOCK_PARENT).fence(parent)
                    .column("depth", Integer.class).column("children", Long.class).rows();
            if (locked.isEmpty()) {
                return ChildOutcome.of(Kind.LEASE_LOST);
            }
            List<Object[]> recorded = SqlCall.of(em, RECORDED_CHILD).uuid("runId", parent.runId())
                    .text("cursorKey", cursorKey).column("id", UUID.class).column("parent_run_id", UUID.class)
                    .column("status", String.class).column("output", String.class).column("error_code", String.class)
                    .column("error_message", String.class).rows();
            if (!recorded.isEmpty()) {
                return settle(em, parent, cursorKey, recorded.get(0));
            }
            int depth = (Integer) locked.get(0)[0] + 1;
            if (depth > maxDepth) {
                return ChildOutcome.of(Kind.DEPTH_EXCEEDED);
            }
            if ((Long) locked.get(0)[1] >= maxChildren) {
                return ChildOutcome.of(Kind.FANOUT_EXCEEDED);
            }
            if (!insert(em, parent, cursorKey, child, depth)) {
                return adopt(em, parent, cursorKey, child);
            }
            return await(em, parent, cursorKey, child.id());
        });
    }

    public int wakeParentsOfEndedChildren(int limit) {
        if (tx.dialect() == Dialect.H2) {
            return wakeParentsOfEndedChildrenH2(limit);
        }
        return tx.inTransaction(em -> SqlCall.of(em, WAKE_STRANDED).integer("limit", limit).clock(clock).update());
    }

    private ChildOutcome invokeInH2(EntityManager em, Fence parent, String cursorKey, NewRun child, int maxDepth,
            int maxChildren) {
        List<Object[]> locked = SqlCall.of(em, H2_LOCK_PARENT).fence(parent).column("depth", Integer.class).rows();
        if (locked.isEmpty()) {
            return ChildOutcome.of(Kind.LEASE_LOST);
        }
        List<Object[]> recorded = childColumns(SqlCall.of(em, H2_RECORDED_CHILD).uuid("runId", parent.runId())
                .text("cursorKey", cursorKey)).rows();
        if (!recorded.isEmpty()) {
            return settle(em, parent, cursorKey, recorded.get(0));
        }
        int depth = (Integer) locked.get(0)[0] + 1;
        if (depth > maxDepth) {
            return ChildOutcome.of(Kind.DEPTH_EXCEEDED);
        }
        long children = (Long) SqlCall.of(em, H2_CHILDREN).uuid("runId", parent.runId())
                .column("children", Long.class).row()[0];
        if (children >= maxChildren) {
            return ChildOutcome.of(Kind.FANOUT_EXCEEDED);
        }
        if (!insertH2(em, parent, cursorKey, child, depth)) {
            return adopt(em, parent, cursorKey, child);
        }
        return await(em, parent, cursorKey, child.id());
    }

    private int wakeParentsOfEndedChildrenH2(int limit) {
        return tx.inTransaction(em -> {
            List<UUID> stranded = H2_STRANDED.lock(em, limit, c -> c);
            if (stranded.isEmpty()) {
                return 0;
            }
            return SqlCall.of(em, H2_WAKE).uuidList("ids", stranded).clock(clock).update();
        });
    }

    private boolean insert(EntityManager em, Fence parent, String cursorKey, NewRun child, int depth) {
        return !SqlCall.of(em, INSERT_CHILD)
                .uuid("childId", child.id())
                .text("flowName", child.flowName())
                .integer("flowVersion", child.flowVersion())
                .text("input", child.inputJson())
                .text("idempotencyKey", child.idempotencyKey().orElse(null))
                .text("tags", Sql.textArray(child.tags()))
                .integer("priority", child.priority())
                .integer("depth", depth)
                .uuid("runId", parent.runId())
                .text("cursorKey", cursorKey)
                .text("parentDetail", "child of " + parent.runId() + " at " + cursorKey)
                .clock(clock)
                .column("id", UUID.class)
                .rows().isEmpty();
    }

    /** H2: the child and its {@code created} event, unless a run already holds its key. */
    private boolean insertH2(EntityManager em, Fence parent, String cursorKey, NewRun child, int depth) {
        if (child.idempotencyKey().isPresent() && !keyHolderH2(em, child).isEmpty()) {
            return false;
        }
        List<String> tags = List.copyOf(child.tags());
        SqlCall.of(em, H2_INSERT_CHILD.formatted(H2Sql.textArray("tags", tags)))
                .uuid("childId", child.id())
                .text("flowName", child.flowName())
                .integer("flowVersion", child.flowVersion())
                .text("input", child.inputJson())
                .text("idempotencyKey", child.idempotencyKey().orElse(null))
                .texts("tags", tags)
                .integer("priority", child.priority())
                .integer("depth", depth)
                .uuid("runId", parent.runId())
                .text("cursorKey", cursorKey)
                .clock(clock)
                .update();
        SqlCall.of(em, H2_CREATED_EVENT).uuid("childId", child.id())
                .text("parentDetail", "child of " + parent.runId() + " at " + cursorKey).update();
        return true;
    }

    private static List<Object[]> keyHolderH2(EntityManager em, NewRun child) {
        return childColumns(SqlCall.of(em, H2_KEY_HOLDER).text("flowName", child.flowName())
                .integer("flowVersion", child.flowVersion())
                .text("idempotencyKey", child.idempotencyKey().orElseThrow())).rows();
    }

    private static SqlCall childColumns(SqlCall call) {
        return call.column("id", UUID.class).column("parent_run_id", UUID.class).column("status", String.class)
                .column("output", String.class).column("error_code", String.class)
                .column("error_message", String.class);
    }

    /** The key is held by another run: it becomes the child if it has no parent, else the invoke is refused. */
    private ChildOutcome adopt(EntityManager em, Fence parent, String cursorKey, NewRun child) {
        if (tx.dialect() == Dialect.H2) {
            return adoptH2(em, parent, cursorKey, child);
        }
        List<Object[]> holders = SqlCall.of(em, KEY_HOLDER).text("flowName", child.flowName())
                .integer("flowVersion", child.flowVersion())
                .text("idempotencyKey", child.idempotencyKey().orElseThrow())
                .column("id", UUID.class).column("parent_run_id", UUID.class).column("status", String.class)
                .column("output", String.class).column("error_code", String.class).column("error_message", String.class)
                .rows();
        if (holders.isEmpty() || holders.get(0)[1] != null) {
            UUID holder = holders.isEmpty() ? null : (UUID) holders.get(0)[0];
            return new ChildOutcome(Kind.KEY_TAKEN, holder, null, null, null, null);
        }
        Object[] holder = holders.get(0);
        SqlCall.of(em, ADOPT).uuid("runId", parent.runId()).text("cursorKey", cursorKey)
                .uuid("childId", (UUID) holder[0]).column("id", UUID.class).rows();
        return settle(em, parent, cursorKey, holder);
    }

    private ChildOutcome adoptH2(EntityManager em, Fence parent, String cursorKey, NewRun child) {
        List<Object[]> holders = keyHolderH2(em, child);
        if (holders.isEmpty() || holders.get(0)[1] != null) {
            UUID holder = holders.isEmpty() ? null : (UUID) holders.get(0)[0];
            return new ChildOutcome(Kind.KEY_TAKEN, holder, null, null, null, null);
        }
        Object[] holder = holders.get(0);
        SqlCall.of(em, H2_ADOPT).uuid("runId", parent.runId()).text("cursorKey", cursorKey)
                .uuid("childId", (UUID) holder[0]).update();
        return settle(em, parent, cursorKey, holder);
    }

    /** An existing child: reported when it has ended, else the parent waits for it. */
    private ChildOutcome settle(EntityManager em, Fence parent, String cursorKey, Object[] child) {
        UUID childId = (UUID) child[0];
        String status = (String) child[2];
        if (status.equals("completed") || status.equals("failed") || status.equals("canceled")) {
            return new ChildOutcome(Kind.ENDED, childId, status, (String) child[3], (String) child[4],
                    (String) child[5]);
        }
        return await(em, parent, cursorKey, childId);
    }

    private ChildOutcome await(EntityManager em, Fence parent, String cursorKey, UUID childId) {
        if (tx.dialect() == Dialect.H2) {
            return awaitH2(em, parent, cursorKey, childId);
        }
        Object[] row = SqlCall.of(em, AWAIT).fence(parent).clock(clock).text("cursorKey", cursorKey)
                .text("childDetail", childId.toString()).column("fenced", Long.class).row();
        Kind kind = (Long) row[0] == 0 ? Kind.LEASE_LOST : Kind.WAITING;
        return new ChildOutcome(kind, childId, null, null, null, null);
    }

    private ChildOutcome awaitH2(EntityManager em, Fence parent, String cursorKey, UUID childId) {
        int fenced = SqlCall.of(em, H2_AWAIT).fence(parent).clock(clock).text("cursorKey", cursorKey).update();
        if (fenced == 0) {
            return new ChildOutcome(Kind.LEASE_LOST, childId, null, null, null, null);
        }
        SqlCall.of(em, H2_AWAIT_EVENT).uuid("runId", parent.runId()).integer("attempt", parent.attempt())
                .text("cursorKey", cursorKey).text("childDetail", childId.toString()).clock(clock).update();
        return new ChildOutcome(Kind.WAITING, childId, null, null, null, null);
    }
}
