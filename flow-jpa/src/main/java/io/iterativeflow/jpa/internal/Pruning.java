package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Retention's deletes, one bounded batch per transaction. Rows are picked with {@code FOR UPDATE SKIP LOCKED}, so a
 * batch never waits for a run an instance is working on, and the locks it takes last one short statement.
 */
public final class Pruning {

    /** Terminal runs only, checked again on delete; steps, timers, signals and events go by cascade. */
    private static final String RUNS = """
            WITH doomed AS (
                SELECT id FROM workflow.runs
                WHERE status IN %1$s AND finished_at < %2$s - :ageMs * INTERVAL '1 millisecond'
                ORDER BY finished_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            ), gone AS (
                DELETE FROM workflow.runs r USING doomed
                WHERE r.id = doomed.id AND r.status IN %1$s
                RETURNING r.id
            )
            SELECT count(*) AS deleted FROM gone
            """.formatted(Sql.TERMINAL, Sql.NOW);

    private static final String EVENTS = """
            WITH doomed AS (
                SELECT id FROM workflow.events
                WHERE at < %1$s - :ageMs * INTERVAL '1 millisecond'
                ORDER BY at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            ), gone AS (
                DELETE FROM workflow.events e USING doomed WHERE e.id = doomed.id
                RETURNING e.id
            )
            SELECT count(*) AS deleted FROM gone
            """.formatted(Sql.NOW);

    /** H2: the old terminal runs, oldest first, each locked unless another transaction holds it. */
    private static final H2SkipLocked H2_DOOMED_RUNS = new H2SkipLocked("status IN " + Sql.TERMINAL
            + " AND finished_at < DATEADD(MILLISECOND, :offsetMs - :ageMs, CURRENT_TIMESTAMP)", "finished_at");

    private static final String H2_DELETE_RUNS = "DELETE FROM workflow.runs WHERE id IN (:ids) AND status IN "
            + Sql.TERMINAL;

    private static final String H2_DOOMED_EVENTS = """
            SELECT id FROM workflow.events
            WHERE at < DATEADD(MILLISECOND, :offsetMs - :ageMs, CURRENT_TIMESTAMP)
            ORDER BY at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    private static final String H2_DELETE_EVENTS = "DELETE FROM workflow.events WHERE id IN (:ids)";

    private final Transactions tx;
    private final FlowClock clock;

    public Pruning(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public int runs(Duration olderThan, int limit) {
        if (tx.dialect() == Dialect.H2) {
            return runsH2(olderThan, limit);
        }
        return batch(RUNS, olderThan, limit);
    }

    public int events(Duration olderThan, int limit) {
        if (tx.dialect() == Dialect.H2) {
            return eventsH2(olderThan, limit);
        }
        return batch(EVENTS, olderThan, limit);
    }

    /** H2: the batch is locked first, then deleted, in one transaction. */
    private int runsH2(Duration olderThan, int limit) {
        return tx.inTransaction(em -> {
            List<UUID> ids = H2_DOOMED_RUNS.lock(em, limit, c -> c.millis("ageMs", olderThan).clock(clock));
            if (ids.isEmpty()) {
                return 0;
            }
            return SqlCall.of(em, H2_DELETE_RUNS).uuidList("ids", ids).update();
        });
    }

    /**
     * H2: events are only ever inserted, and locked by nothing but another batch; H2 locks every row its
     * {@code FOR UPDATE} reads, so a concurrent batch passes over this one's candidates.
     */
    private int eventsH2(Duration olderThan, int limit) {
        return tx.inTransaction(em -> {
            List<Object> ids = SqlCall.of(em, H2_DOOMED_EVENTS).millis("ageMs", olderThan).integer("limit", limit)
                    .clock(clock).column("id", Long.class).rows().stream().map(r -> r[0]).toList();
            if (ids.isEmpty()) {
                return 0;
            }
            return em.createNativeQuery(H2_DELETE_EVENTS).setParameter("ids", ids).executeUpdate();
        });
    }

    private int batch(String sql, Duration olderThan, int limit) {
        return tx.inTransaction(em -> ((Long) SqlCall.of(em, sql).millis("ageMs", olderThan).integer("limit", limit)
                .clock(clock).column("deleted", Long.class).row()[0]).intValue());
    }
}
