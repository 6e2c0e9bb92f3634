package io.iterativeflow.core.spi;

import java.time.Duration;
import java.util.Set;

/**
 * The reconciler's batches: retention, parents left waiting for an ended child, and runs whose flow version is not
 * deployed. Each is one short transaction over a bounded batch. Part of {@link FlowStore}.
 */
public interface Housekeeping {

    /**
     * Deletes up to {@code limit} terminal runs whose {@code finished_at} is older than {@code olderThan} (database
     * time), with everything recorded about them; rows that another transaction holds locked are skipped, not waited
     * for. One short transaction. Returns how many runs it deleted.
     */
    int pruneRuns(Duration olderThan, int limit);

    /** Deletes up to {@code limit} events older than {@code olderThan}, like {@link #pruneRuns}. Returns how many. */
    int pruneEvents(Duration olderThan, int limit);

    /**
     * Fails, with {@code FLOW_UNKNOWN}, up to {@code limit} runs of the flows {@code names} that have been ready for
     * longer than {@code grace} while their version is not among {@code deployed} ({@code name@version}). Returns
     * how many.
     */
    int failUndeployed(Set<String> names, Set<String> deployed, Duration grace, int limit);

    /**
     * The reconciler's safety net: wakes up to {@code limit} parents that still wait for a child that has ended
     * (normally the child's terminal transition wakes its parent in the same statement). Returns how many.
     */
    int wakeParentsOfEndedChildren(int limit);
}
