package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;

/**
 * Retention's deletes, one bounded batch in the caller's transaction, passing over rows another transaction holds.
 * {@link PgPrune}: one statement each; {@link H2Prune}: lock, then delete.
 */
interface PruneStatements {

    /** Deletes up to {@code limit} terminal runs finished before {@code olderThan} ago (their rows by cascade). */
    int runs(EntityManager em, FlowClock clock, Duration olderThan, int limit);

    /** Deletes up to {@code limit} events older than {@code olderThan}. */
    int events(EntityManager em, FlowClock clock, Duration olderThan, int limit);
}
