package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Runs whose flow version is not deployed: counted (health), and failed with {@code FLOW_UNKNOWN} once they have
 * been ready, unclaimed, for longer than the grace. Only runs of flows the caller deploys under another version are
 * touched, so applications sharing one database leave each other's runs alone.
 */
public final class UndeployedRuns {

    private final Transactions tx;
    private final FlowClock clock;
    private final UndeployedStatements statements;

    public UndeployedRuns(Transactions tx, FlowClock clock, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.statements = database.undeployed;
    }

    public int failExpired(Set<String> names, Set<String> deployed, Duration grace, int limit) {
        return tx.inTransaction(em -> statements.failExpired(em, clock, List.copyOf(names), List.copyOf(deployed),
                grace, limit));
    }

    public long countWaiting(Set<String> names, Set<String> deployed) {
        return tx.readOnly(em -> statements.countWaiting(em, List.copyOf(names), List.copyOf(deployed)));
    }
}
