package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The per-database statements of a child invocation; the checks between them are {@link ChildInvocation}'s.
 * {@link PgChildren}: a child's insert, its event and notification in one statement; {@link H2Children}: several, and
 * a start whose key another transaction holds uncommitted is tried again.
 */
interface ChildStatements {

    /** Runs one invocation in a transaction of its own. */
    <T> T inTransaction(Transactions tx, Function<EntityManager, T> invocation);

    /** Locks the parent's row while the attempt owns it; empty when the fence failed. */
    Optional<LockedParent> lockParent(EntityManager em, Fence parent);

    /** Inserts the child with its {@code created} event, unless a run holds its key; true if inserted. */
    boolean insert(EntityManager em, FlowClock clock, Fence parent, String cursorKey, NewRun child, int depth);

    /** Suspends the parent until the child ends (fenced), with its event; false when the fence failed. */
    boolean await(EntityManager em, FlowClock clock, Fence parent, String cursorKey, UUID childId);

    /** Wakes up to {@code limit} parents that wait for a child that has ended, passing over locked ones. */
    int wakeStranded(EntityManager em, FlowClock clock, int limit);

    /** The locked parent: its depth and how many children it has started. */
    record LockedParent(int depth, long children) {
    }
}
