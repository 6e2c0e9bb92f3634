package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Heartbeats ({@code renewLeases}) and the reconciler's reclaim of runs whose owner stopped renewing. */
public final class LeaseWrites {

    private static final String RENEW = """
            WITH renewed AS (
                UPDATE workflow.runs SET lease_expires_at = %s
                WHERE lease_owner = :owner AND id = ANY(CAST(:ids AS uuid[])) AND status = 'running'
                RETURNING id
            )
            SELECT id FROM renewed
            """.formatted(Sql.nowPlus("leaseMs"));

    private static final String RECLAIM = """
            WITH expired AS (
                SELECT id, lease_owner FROM workflow.runs
                WHERE status = 'running' AND lease_expires_at < %1$s
                ORDER BY lease_expires_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            ), r AS (
                UPDATE workflow.runs u
                SET status = 'pending', available_at = %1$s, lease_owner = NULL, lease_expires_at = NULL,
                    updated_at = %1$s
                FROM expired WHERE u.id = expired.id
                RETURNING u.id, u.attempts, u.flow_name, expired.lease_owner AS previous_owner
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at)
                SELECT id, 'lease_expired', attempts, previous_owner, %1$s FROM r
            ), n AS (
                %2$s
            )
            SELECT count(*) AS reclaimed, %3$s FROM r
            """.formatted(Sql.NOW, Notify.ready("flow_name", "r"), Notify.NOTIFIED);

    private final Transactions tx;
    private final FlowClock clock;
    private final Leases leases;

    public LeaseWrites(Transactions tx, FlowClock clock, Leases leases) {
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
    }

    public Set<UUID> renew(String owner, Collection<UUID> runIds, Duration lease) {
        leases.remember(owner, lease);
        if (runIds.isEmpty()) {
            return Set.of();
        }
        return tx.inTransaction(em -> {
            Set<UUID> held = new HashSet<>();
            for (Object[] row : SqlCall.of(em, RENEW).text("owner", owner).uuids("ids", runIds)
                    .millis("leaseMs", lease).clock(clock).column("id", UUID.class).rows()) {
                held.add((UUID) row[0]);
            }
            return Set.copyOf(held);
        });
    }

    public int reclaimExpired(int limit) {
        return tx.inTransaction(em -> {
            Object[] row = SqlCall.of(em, RECLAIM).integer("limit", limit).clock(clock)
                    .column("reclaimed", Long.class).row();
            return ((Long) row[0]).intValue();
        });
    }
}
