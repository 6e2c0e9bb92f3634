package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Retention on H2: the batch is locked first, then deleted, in the caller's transaction. */
final class H2Prune implements PruneStatements {

    /** The old terminal runs, oldest first, each locked unless another transaction holds it. */
    private static final H2SkipLocked DOOMED_RUNS = new H2SkipLocked("status IN " + Sql.TERMINAL
            + " AND finished_at < DATEADD(MILLISECOND, :offsetMs - :ageMs, CURRENT_TIMESTAMP)", "finished_at");

    private static final String DELETE_RUNS = "DELETE FROM workflow.runs WHERE id IN (:ids) AND status IN "
            + Sql.TERMINAL;

    private static final String DOOMED_EVENTS = """
            SELECT id FROM workflow.events
            WHERE at < DATEADD(MILLISECOND, :offsetMs - :ageMs, CURRENT_TIMESTAMP)
            ORDER BY at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    private static final String DELETE_EVENTS = "DELETE FROM workflow.events WHERE id IN (:ids)";

    @Override
    public int runs(EntityManager em, FlowClock clock, Duration olderThan, int limit) {
        List<UUID> ids = DOOMED_RUNS.lock(em, limit, c -> c.millis("ageMs", olderThan).clock(clock));
        if (ids.isEmpty()) {
            return 0;
        }
        return SqlCall.of(em, DELETE_RUNS).uuidList("ids", ids).update();
    }

    /**
     * Events are only ever inserted, and locked by nothing but another batch; H2 locks every row its
     * {@code FOR UPDATE} reads, so a concurrent batch passes over this one's candidates.
     */
    @Override
    public int events(EntityManager em, FlowClock clock, Duration olderThan, int limit) {
        List<Long> ids = SqlCall.of(em, DOOMED_EVENTS).millis("ageMs", olderThan).integer("limit", limit)
                .clock(clock).list(row -> row.count("id"));
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNativeQuery(DELETE_EVENTS).setParameter("ids", ids).executeUpdate();
    }
}
