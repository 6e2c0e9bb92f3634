package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;

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

    private final Transactions tx;
    private final FlowClock clock;

    public Pruning(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public int runs(Duration olderThan, int limit) {
        return batch(RUNS, olderThan, limit);
    }

    public int events(Duration olderThan, int limit) {
        return batch(EVENTS, olderThan, limit);
    }

    private int batch(String sql, Duration olderThan, int limit) {
        return tx.inTransaction(em -> ((Long) SqlCall.of(em, sql).millis("ageMs", olderThan).integer("limit", limit)
                .clock(clock).column("deleted", Long.class).row()[0]).intValue());
    }
}
