package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.LeaseRenewal;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Heartbeats ({@code renewLeases}) and the reconciler's reclaim of runs whose owner stopped renewing. */
public final class LeaseWrites {

    /**
     * Renews the leases this owner holds, passing over rows another transaction has locked (a caller's open
     * transaction that signaled the run): those come back with {@code renewed = false}, still held, and are renewed
     * at the next try. The reclaim passes over locked rows too, so a run is never taken over while its row is locked.
     */
    private static final String RENEW = """
            WITH mine AS (
                SELECT id FROM workflow.runs
                WHERE lease_owner = :owner AND id = ANY(CAST(:ids AS uuid[])) AND status = 'running'
            ), free AS (
                SELECT id FROM workflow.runs
                WHERE id IN (SELECT id FROM mine) AND lease_owner = :owner AND status = 'running'
                FOR UPDATE SKIP LOCKED
            ), renewed AS (
                UPDATE workflow.runs r SET lease_expires_at = %s
                FROM free WHERE r.id = free.id
                RETURNING r.id
            )
            SELECT id, TRUE AS renewed FROM renewed
            UNION ALL
            SELECT id, FALSE AS renewed FROM mine WHERE id NOT IN (SELECT id FROM renewed)
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

    /** H2: the runs this owner holds, as last committed (a plain read waits for no lock). */
    private static final String H2_MINE = """
            SELECT id FROM workflow.runs WHERE lease_owner = :owner AND id IN (:ids) AND status = 'running'
            """;

    /** H2: one held run's row, unless another transaction has it locked. */
    private static final String H2_LOCK_FREE = """
            SELECT id FROM workflow.runs WHERE id = :id AND lease_owner = :owner AND status = 'running'
            FOR UPDATE SKIP LOCKED
            """;

    private static final String H2_RENEW = """
            UPDATE workflow.runs SET lease_expires_at = %s WHERE id IN (:ids)
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

    public LeaseRenewal renew(String owner, Collection<UUID> runIds, Duration lease) {
        leases.remember(owner, lease);
        if (runIds.isEmpty()) {
            return LeaseRenewal.none();
        }
        if (tx.dialect() == Dialect.H2) {
            return tx.inTransaction(em -> renewH2(em, owner, runIds, lease));
        }
        return tx.inTransaction(em -> {
            Set<UUID> held = new HashSet<>();
            Set<UUID> busy = new HashSet<>();
            for (Object[] row : SqlCall.of(em, RENEW).uuids("ids", runIds).text("owner", owner)
                    .millis("leaseMs", lease).clock(clock).column("id", UUID.class).column("renewed", Boolean.class)
                    .rows()) {
                held.add((UUID) row[0]);
                if (!(Boolean) row[1]) {
                    busy.add((UUID) row[0]);
                }
            }
            return new LeaseRenewal(held, busy);
        });
    }

    private LeaseRenewal renewH2(EntityManager em, String owner, Collection<UUID> runIds, Duration lease) {
        List<UUID> held = SqlCall.of(em, H2_MINE).uuidList("ids", runIds).text("owner", owner)
                .column("id", UUID.class).rows().stream().map(r -> (UUID) r[0]).toList();
        List<UUID> free = new ArrayList<>();
        Set<UUID> busy = new HashSet<>();
        for (UUID id : held) {
            boolean locked = SqlCall.of(em, H2_LOCK_FREE).uuid("id", id).text("owner", owner)
                    .column("id", UUID.class).rows().isEmpty();
            (locked ? busy : free).add(id);
        }
        if (!free.isEmpty()) {
            SqlCall.of(em, H2_RENEW).uuidList("ids", free).millis("leaseMs", lease).clock(clock).update();
        }
        return new LeaseRenewal(new HashSet<>(held), busy);
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
