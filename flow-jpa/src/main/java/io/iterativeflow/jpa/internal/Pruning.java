package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;

/**
 * Retention's deletes, one bounded batch per transaction ({@link PruneStatements}); a batch passes over rows another
 * transaction holds, so it never waits for a run an instance is working on.
 */
public final class Pruning {

    private final Transactions tx;
    private final FlowClock clock;
    private final PruneStatements statements;

    public Pruning(Transactions tx, FlowClock clock, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.statements = database.prune;
    }

    public int runs(Duration olderThan, int limit) {
        return tx.inTransaction(em -> statements.runs(em, clock, olderThan, limit));
    }

    public int events(Duration olderThan, int limit) {
        return tx.inTransaction(em -> statements.events(em, clock, olderThan, limit));
    }
}
