package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;

/**
 * Retention on PostgreSQL: rows picked with {@code FOR UPDATE SKIP LOCKED} and deleted in one statement, so a batch
 * never waits for a run an instance is working on, and the locks it takes last one short statement.
 */
final class PgPrune implements PruneStatements {

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

    @Override
    public int runs(EntityManager em, FlowClock clock, Duration olderThan, int limit) {
        return batch(em, clock, RUNS, olderThan, limit);
    }

    @Override
    public int events(EntityManager em, FlowClock clock, Duration olderThan, int limit) {
        return batch(em, clock, EVENTS, olderThan, limit);
    }

    private static int batch(EntityManager em, FlowClock clock, String sql, Duration olderThan, int limit) {
        return SqlCall.of(em, sql).millis("ageMs", olderThan).integer("limit", limit).clock(clock)
                .one(row -> (int) row.count("deleted"));
    }
}
