package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.LeaseRenewal;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Heartbeats and reclaims on PostgreSQL: one statement each ({@code FOR UPDATE SKIP LOCKED}). */
final class PgLeases implements LeaseStatements {

    /**
     * Renews the leases this owner holds, passing over rows another transaction has locked: those come back with
     * {@code renewed = false}, still held, and are renewed at the next try.
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

    @Override
    public LeaseRenewal renew(EntityManager em, FlowClock clock, String owner, Collection<UUID> runIds,
            Duration lease) {
        Set<UUID> held = new HashSet<>();
        Set<UUID> busy = new HashSet<>();
        for (Renewed row : SqlCall.of(em, RENEW).uuids("ids", runIds).text("owner", owner)
                .millis("leaseMs", lease).clock(clock)
                .list(row -> new Renewed(row.uuid("id"), row.bool("renewed")))) {
            held.add(row.id());
            if (!row.renewed()) {
                busy.add(row.id());
            }
        }
        return new LeaseRenewal(held, busy);
    }

    @Override
    public int reclaimExpired(EntityManager em, FlowClock clock, int limit) {
        return SqlCall.of(em, RECLAIM).integer("limit", limit).clock(clock).one(row -> (int) row.count("reclaimed"));
    }

    /** A held run, and whether its lease was renewed (false: its row was locked). */
    private record Renewed(UUID id, boolean renewed) {
    }
}
