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

/** Heartbeats and reclaims on H2: several statements of the caller's transaction; no notification. */
final class H2Leases implements LeaseStatements {

    /** The runs this owner holds, as last committed (a plain read waits for no lock). */
    private static final String MINE = """
            SELECT id FROM workflow.runs WHERE lease_owner = :owner AND id IN (:ids) AND status = 'running'
            """;

    /** One held run's row, unless another transaction has it locked. */
    private static final String LOCK_FREE = """
            SELECT id FROM workflow.runs WHERE id = :id AND lease_owner = :owner AND status = 'running'
            FOR UPDATE SKIP LOCKED
            """;

    private static final String RENEW = """
            UPDATE workflow.runs SET lease_expires_at = %s WHERE id IN (:ids)
            """.formatted(H2Sql.nowPlus("leaseMs"));

    /** The expired leases, oldest first, locked (passing over runs another transaction holds). */
    private static final H2SkipLocked EXPIRED = new H2SkipLocked(
            "status = 'running' AND lease_expires_at < " + H2Sql.NOW, "lease_expires_at");

    /** The {@code lease_expired} events, written before the reclaim clears the previous owner. */
    private static final String EXPIRED_EVENTS = """
            INSERT INTO workflow.events (run_id, type, attempt, detail, at)
            SELECT id, 'lease_expired', attempts, lease_owner, %s FROM workflow.runs WHERE id IN (:ids)
            ORDER BY lease_expires_at
            """.formatted(H2Sql.NOW);

    private static final String RECLAIM = """
            UPDATE workflow.runs
            SET status = 'pending', available_at = %1$s, lease_owner = NULL, lease_expires_at = NULL,
                updated_at = %1$s
            WHERE id IN (:ids)
            """.formatted(H2Sql.NOW);

    @Override
    public LeaseRenewal renew(EntityManager em, FlowClock clock, String owner, Collection<UUID> runIds,
            Duration lease) {
        List<UUID> held = SqlCall.of(em, MINE).uuidList("ids", runIds).text("owner", owner)
                .list(row -> row.uuid("id"));
        List<UUID> free = new ArrayList<>();
        Set<UUID> busy = new HashSet<>();
        for (UUID id : held) {
            boolean locked = SqlCall.of(em, LOCK_FREE).uuid("id", id).text("owner", owner)
                    .list(row -> row.uuid("id")).isEmpty();
            (locked ? busy : free).add(id);
        }
        if (!free.isEmpty()) {
            SqlCall.of(em, RENEW).uuidList("ids", free).millis("leaseMs", lease).clock(clock).update();
        }
        return new LeaseRenewal(new HashSet<>(held), busy);
    }

    /** Lock the expired runs, write their events, make them pending. */
    @Override
    public int reclaimExpired(EntityManager em, FlowClock clock, int limit) {
        List<UUID> ids = EXPIRED.lock(em, limit, call -> call.clock(clock));
        if (ids.isEmpty()) {
            return 0;
        }
        SqlCall.of(em, EXPIRED_EVENTS).uuidList("ids", ids).clock(clock).update();
        SqlCall.of(em, RECLAIM).uuidList("ids", ids).clock(clock).update();
        return ids.size();
    }
}
