package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.LeaseRenewal;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

/**
 * Heartbeats and the reclaim of expired leases, in the caller's transaction. Both pass over rows another transaction
 * has locked (a caller's open transaction that signaled the run), so a run is never taken over while its row is
 * locked. {@link PgLeases}: one statement each; {@link H2Leases}: several.
 */
interface LeaseStatements {

    /** Renews the leases {@code owner} holds among {@code runIds}; locked ones come back held but not renewed. */
    LeaseRenewal renew(EntityManager em, FlowClock clock, String owner, Collection<UUID> runIds, Duration lease);

    /** Makes up to {@code limit} runs whose lease expired pending again, oldest first; returns how many. */
    int reclaimExpired(EntityManager em, FlowClock clock, int limit);
}
