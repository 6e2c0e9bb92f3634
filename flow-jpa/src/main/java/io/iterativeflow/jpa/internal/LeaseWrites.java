package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.LeaseRenewal;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

/**
 * Heartbeats ({@code renewLeases}) and the reconciler's reclaim of runs whose owner stopped renewing, each one
 * transaction around the database's statements ({@link LeaseStatements}).
 */
public final class LeaseWrites {

    private final Transactions tx;
    private final FlowClock clock;
    private final Leases leases;
    private final LeaseStatements statements;

    public LeaseWrites(Transactions tx, FlowClock clock, Leases leases, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
        this.statements = database.leases;
    }

    public LeaseRenewal renew(String owner, Collection<UUID> runIds, Duration lease) {
        leases.remember(owner, lease);
        if (runIds.isEmpty()) {
            return LeaseRenewal.none();
        }
        return tx.inTransaction(em -> statements.renew(em, clock, owner, runIds, lease));
    }

    public int reclaimExpired(int limit) {
        return tx.inTransaction(em -> statements.reclaimExpired(em, clock, limit));
    }
}
