package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.util.Set;

/**
 * Runs whose flow version is not deployed: counted (health), and failed with {@code FLOW_UNKNOWN} once they have
 * been ready, unclaimed, for longer than the grace. Only runs of flows the caller deploys under another version are
 * touched, so applications sharing one database leave each other's runs alone.
 */
public final class UndeployedRuns {

    private static final String UNDEPLOYED = "flow_name = ANY(CAST(:names AS text[]))"
            + " AND NOT (flow_name || '@' || flow_version = ANY(CAST(:deployed AS text[])))";

    private static final String FAIL = """
            WITH picked AS (
                SELECT id FROM workflow.runs
                WHERE status IN %1$s AND available_at <= %2$s - :graceMs * INTERVAL '1 millisecond' AND %3$s
                ORDER BY available_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            ), f AS (
                UPDATE workflow.runs r
                SET status = 'failed', error_code = 'FLOW_UNKNOWN',
                    error_message = 'flow ' || r.flow_name || '@' || r.flow_version || ' is not deployed, and the run'
                        || ' waited for it longer than flow.versions.undeployed-grace (' || :grace || '); deploy'
                        || ' version ' || r.flow_version || ' of ' || r.flow_name || ' again and retry the run, or'
                        || ' start a new run on a deployed version',
                    finished_at = %2$s, updated_at = %2$s, lease_owner = NULL, lease_expires_at = NULL
                FROM picked WHERE r.id = picked.id AND r.status IN %1$s
                RETURNING r.id, r.attempts
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at)
                SELECT id, 'failed', attempts, 'FLOW_UNKNOWN', %2$s FROM f
            )
            SELECT count(*) AS failed FROM f
            """.formatted(Sql.WAITING, Sql.NOW, UNDEPLOYED);

    private static final String COUNT = "SELECT count(*) AS waiting FROM workflow.runs WHERE status IN "
            + Sql.WAITING + " AND " + UNDEPLOYED;

    private final Transactions tx;
    private final FlowClock clock;

    public UndeployedRuns(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public int failExpired(Set<String> names, Set<String> deployed, Duration grace, int limit) {
        return tx.inTransaction(em -> {
            Object[] row = SqlCall.of(em, FAIL).clock(clock).text("names", Sql.textArray(names))
                    .text("deployed", Sql.textArray(deployed)).millis("graceMs", grace).text("grace", grace.toString())
                    .integer("limit", limit).column("failed", Long.class).row();
            return ((Long) row[0]).intValue();
        });
    }

    public long countWaiting(Set<String> names, Set<String> deployed) {
        return tx.readOnly(em -> (Long) SqlCall.of(em, COUNT).text("names", Sql.textArray(names))
                .text("deployed", Sql.textArray(deployed)).column("waiting", Long.class).row()[0]);
    }
}
