package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
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

    private static final String H2_RENEW = """
            SELECT id FROM FINAL TABLE (
                UPDATE workflow.runs SET lease_expires_at = %s
                WHERE lease_owner = :owner AND id IN (:ids) AND status = 'running'
            )
            """.formatted(H2Sql.nowPlus("leaseMs"));

    /** H2: the expired leases, oldest first, locked (passing over runs another transaction holds). */
    private static final H2SkipLocked H2_EXPIRED = new H2SkipLocked(
            "status = 'running' AND lease_expires_at < " + H2Sql.NOW, "lease_expires_at");

    /** H2: the {@code lease_expired} events, written before the reclaim clears the previous owner. */
    private static final String H2_EXPIRED_EVENTS = """
            INSERT INTO workflow.events (run_id, type, attempt, detail, at)
            SELECT id, 'lease_expired', attempts, lease_owner, %s FROM workflow.runs WHERE id IN (:ids)
            ORDER BY lease_expires_at
            """.formatted(H2Sql.NOW);

    private static final String H2_RECLAIM = """
            UPDATE workflow.runs
            SET status = 'pending', available_at = %1$s, lease_owner = NULL, lease_expires_at = NULL,
                updated_at = %1$s
            WHERE id IN (:ids)
            """.formatted(H2Sql.NOW);

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
            SqlCall renew = tx.dialect() == Dialect.H2
                    ? SqlCall.of(em, H2_RENEW).uuidList("ids", runIds)
                    : SqlCall.of(em, RENEW).uuids("ids", runIds);
            for (Object[] row : renew.text("owner", owner)
                    .millis("leaseMs", lease).clock(clock).column("id", UUID.class).rows()) {
                held.add((UUID) row[0]);
            }
            return Set.copyOf(held);
        });
    }

    public int reclaimExpired(int limit) {
        if (tx.dialect() == Dialect.H2) {
            return tx.inTransaction(em -> reclaimExpiredH2(em, limit));
        }
        return tx.inTransaction(em -> {
            Object[] row = SqlCall.of(em, RECLAIM).integer("limit", limit).clock(clock)
                    .column("reclaimed", Long.class).row();
            return ((Long) row[0]).intValue();
        });
    }

    /** H2: lock the expired runs, write their events, make them pending; no notification. */
    private int reclaimExpiredH2(EntityManager em, int limit) {
        List<UUID> ids = H2_EXPIRED.lock(em, limit, call -> call.clock(clock));
        if (ids.isEmpty()) {
            return 0;
        }
        SqlCall.of(em, H2_EXPIRED_EVENTS).uuidList("ids", ids).clock(clock).update();
        SqlCall.of(em, H2_RECLAIM).uuidList("ids", ids).clock(clock).update();
        return ids.size();
    }
}
