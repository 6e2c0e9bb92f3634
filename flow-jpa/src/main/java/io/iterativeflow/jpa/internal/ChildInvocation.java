package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.ChildOutcome;
import io.iterativeflow.core.spi.ChildOutcome.Kind;
import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code invokeChild}: a few statements in one transaction, with the parent's row locked first, so a parent never
 * starts two children for one call. The ladder of checks (fence, recorded child, depth, fan-out, key holder) is
 * here; the statements that differ are the database's ({@link ChildStatements}). A child's terminal transition wakes
 * its parent ({@link RunTransitions}, {@link Cancellation}); {@link #wakeParentsOfEndedChildren} is the reconciler's
 * safety net.
 */
public final class ChildInvocation {

    private static final String CHILD_COLUMNS = "id, parent_run_id, status, %s AS output, error_code, error_message";

    private static final String RECORDED_CHILD = "SELECT " + CHILD_COLUMNS
            + " FROM workflow.runs WHERE parent_run_id = :runId AND parent_key = :cursorKey";

    private static final String KEY_HOLDER = "SELECT " + CHILD_COLUMNS + " FROM workflow.runs"
            + " WHERE flow_name = :flowName AND flow_version = :flowVersion AND idempotency_key = :idempotencyKey"
            + " FOR UPDATE";

    private static final String ADOPT = "UPDATE workflow.runs SET parent_run_id = :runId, parent_key = :cursorKey"
            + " WHERE id = :childId AND parent_run_id IS NULL";

    private final Transactions tx;
    private final FlowClock clock;
    private final ChildStatements statements;
    private final String recordedChild;
    private final String keyHolder;

    public ChildInvocation(Transactions tx, FlowClock clock, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.statements = database.children;
        String output = database.fragments.jsonText("output");
        this.recordedChild = RECORDED_CHILD.formatted(output);
        this.keyHolder = KEY_HOLDER.formatted(output);
    }

    public ChildOutcome invoke(Fence parent, String cursorKey, NewRun child, int maxDepth, int maxChildren) {
        return statements.inTransaction(tx, em -> {
            Optional<ChildStatements.LockedParent> locked = statements.lockParent(em, parent);
            if (locked.isEmpty()) {
                return ChildOutcome.of(Kind.LEASE_LOST);
            }
            Optional<Child> recorded = SqlCall.of(em, recordedChild).uuid("runId", parent.runId())
                    .text("cursorKey", cursorKey).list(Child::read).stream().findFirst();
            if (recorded.isPresent()) {
                return settle(em, parent, cursorKey, recorded.get());
            }
            int depth = locked.get().depth() + 1;
            if (depth > maxDepth) {
                return ChildOutcome.of(Kind.DEPTH_EXCEEDED);
            }
            if (locked.get().children() >= maxChildren) {
                return ChildOutcome.of(Kind.FANOUT_EXCEEDED);
            }
            if (!statements.insert(em, clock, parent, cursorKey, child, depth)) {
                return adopt(em, parent, cursorKey, child);
            }
            return await(em, parent, cursorKey, child.id());
        });
    }

    public int wakeParentsOfEndedChildren(int limit) {
        return tx.inTransaction(em -> statements.wakeStranded(em, clock, limit));
    }

    /** The key is held by another run: it becomes the child if it has no parent, else the invoke is refused. */
    private ChildOutcome adopt(EntityManager em, Fence parent, String cursorKey, NewRun child) {
        Optional<Child> holder = SqlCall.of(em, keyHolder).text("flowName", child.flowName())
                .integer("flowVersion", child.flowVersion())
                .text("idempotencyKey", child.idempotencyKey().orElseThrow())
                .list(Child::read).stream().findFirst();
        if (holder.isEmpty() || holder.get().parentId() != null) {
            return new ChildOutcome(Kind.KEY_TAKEN, holder.map(Child::id).orElse(null), null, null, null, null);
        }
        SqlCall.of(em, ADOPT).uuid("runId", parent.runId()).text("cursorKey", cursorKey)
                .uuid("childId", holder.get().id()).update();
        return settle(em, parent, cursorKey, holder.get());
    }

    /** An existing child: reported when it has ended, else the parent waits for it. */
    private ChildOutcome settle(EntityManager em, Fence parent, String cursorKey, Child child) {
        String status = child.status();
        if (status.equals("completed") || status.equals("failed") || status.equals("canceled")) {
            return new ChildOutcome(Kind.ENDED, child.id(), status, child.output(), child.errorCode(),
                    child.errorMessage());
        }
        return await(em, parent, cursorKey, child.id());
    }

    private ChildOutcome await(EntityManager em, Fence parent, String cursorKey, UUID childId) {
        Kind kind = statements.await(em, clock, parent, cursorKey, childId) ? Kind.WAITING : Kind.LEASE_LOST;
        return new ChildOutcome(kind, childId, null, null, null, null);
    }

    /** A child run as the invocation reads it. */
    private record Child(UUID id, UUID parentId, String status, String output, String errorCode,
            String errorMessage) {

        static Child read(SqlCall.Row row) throws SQLException {
            return new Child(row.uuid("id"), row.uuid("parent_run_id"), row.text("status"), row.text("output"),
                    row.text("error_code"), row.text("error_message"));
        }
    }
}
