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

    private static final String H2_DOOMED_RUNS = """
            SELECT id FROM workflow.runs
            WHERE status IN %s AND finished_at < DATEADD(MILLISECOND, :offsetMs - :ageMs, CURRENT_TIMESTAMP)
            ORDER BY finished_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """.formatted(Sql.TERMINAL);

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
            return batchH2(H2_DOOMED_RUNS, UUID.class, H2_DELETE_RUNS, olderThan, limit);
        }
        return batch(RUNS, olderThan, limit);
    }

    public int events(Duration olderThan, int limit) {
        if (tx.dialect() == Dialect.H2) {
            return batchH2(H2_DOOMED_EVENTS, Long.class, H2_DELETE_EVENTS, olderThan, limit);
        }
        return batch(EVENTS, olderThan, limit);
    }

    /** H2: the batch is locked by one statement and deleted by the next, in one transaction. */
    private int batchH2(String doomed, Class<?> key, String delete, Duration olderThan, int limit) {
        return tx.inTransaction(em -> {
            List<Object> ids = SqlCall.of(em, doomed).millis("ageMs", olderThan).integer("limit", limit).clock(clock)
                    .column("id", key).rows().stream().map(r -> r[0]).toList();
            if (ids.isEmpty()) {
                return 0;
            }
            return em.createNativeQuery(delete).setParameter("ids", ids).executeUpdate();
        });
    }

    private int batch(String sql, Duration olderThan, int limit) {
        return tx.inTransaction(em -> ((Long) SqlCall.of(em, sql).millis("ageMs", olderThan).integer("limit", limit)
                .clock(clock).column("deleted", Long.class).row()[0]).intValue());
    }
}
