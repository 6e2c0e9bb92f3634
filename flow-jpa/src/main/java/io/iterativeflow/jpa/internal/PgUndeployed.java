package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;

/** Runs of undeployed versions on PostgreSQL: one statement each. */
final class PgUndeployed implements UndeployedStatements {

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

    @Override
    public int failExpired(EntityManager em, FlowClock clock, List<String> names, List<String> deployed,
            Duration grace, int limit) {
        return SqlCall.of(em, FAIL).clock(clock).text("names", Sql.textArray(names))
                .text("deployed", Sql.textArray(deployed)).millis("graceMs", grace).text("grace", grace.toString())
                .integer("limit", limit).one(row -> (int) row.count("failed"));
    }

    @Override
    public long countWaiting(EntityManager em, List<String> names, List<String> deployed) {
        return SqlCall.of(em, COUNT).text("names", Sql.textArray(names)).text("deployed", Sql.textArray(deployed))
                .one(row -> row.count("waiting"));
    }
}
