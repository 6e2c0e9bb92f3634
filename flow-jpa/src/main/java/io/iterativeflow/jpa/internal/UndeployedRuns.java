package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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

    /** H2: {@code %1$s} and {@code %2$s} are {@link H2Sql#textArray}s of the names and the deployed versions. */
    private static final String H2_UNDEPLOYED = "flow_name = ANY(%1$s)"
            + " AND NOT (flow_name || '@' || CAST(flow_version AS VARCHAR) = ANY(%2$s))";

    /** H2: {@code %s} is {@link #H2_UNDEPLOYED} with its arrays. */
    private static final String H2_EXPIRED = "status IN " + Sql.WAITING
            + " AND available_at <= DATEADD(MILLISECOND, :offsetMs - :graceMs, CURRENT_TIMESTAMP) AND %s";

    private static final String H2_FAIL = """
            SELECT id, attempts FROM FINAL TABLE (
                UPDATE workflow.runs
                SET status = 'failed', error_code = 'FLOW_UNKNOWN',
                    error_message = 'flow ' || flow_name || '@' || CAST(flow_version AS VARCHAR) || ' is not'
                        || ' deployed, and the run waited for it longer than flow.versions.undeployed-grace ('
                        || :grace || '); deploy version ' || CAST(flow_version AS VARCHAR) || ' of ' || flow_name
                        || ' again and retry the run, or start a new run on a deployed version',
                    finished_at = %2$s, updated_at = %2$s, lease_owner = NULL, lease_expires_at = NULL
                WHERE id IN (:ids) AND status IN %1$s)
            """.formatted(Sql.WAITING, H2Sql.NOW);

    private static final String H2_EVENT = "INSERT INTO workflow.events (run_id, type, attempt, detail, at)"
            + " VALUES (:runId, 'failed', :attempt, 'FLOW_UNKNOWN', " + H2Sql.NOW + ")";

    private static final String H2_COUNT = "SELECT count(*) AS waiting FROM workflow.runs WHERE status IN "
            + Sql.WAITING + " AND " + H2_UNDEPLOYED;

    private final Transactions tx;
    private final FlowClock clock;

    public UndeployedRuns(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public int failExpired(Set<String> names, Set<String> deployed, Duration grace, int limit) {
        if (tx.dialect() == Dialect.H2) {
            return failExpiredH2(List.copyOf(names), List.copyOf(deployed), grace, limit);
        }
        return tx.inTransaction(em -> {
            Object[] row = SqlCall.of(em, FAIL).clock(clock).text("names", Sql.textArray(names))
                    .text("deployed", Sql.textArray(deployed)).millis("graceMs", grace).text("grace", grace.toString())
                    .integer("limit", limit).column("failed", Long.class).row();
            return ((Long) row[0]).intValue();
        });
    }

    public long countWaiting(Set<String> names, Set<String> deployed) {
        if (tx.dialect() == Dialect.H2) {
            List<String> n = List.copyOf(names);
            List<String> d = List.copyOf(deployed);
            return tx.readOnly(em -> (Long) SqlCall.of(em, H2_COUNT.formatted(H2Sql.textArray("names", n),
                    H2Sql.textArray("deployed", d))).texts("names", n).texts("deployed", d)
                    .column("waiting", Long.class).row()[0]);
        }
        return tx.readOnly(em -> (Long) SqlCall.of(em, COUNT).text("names", Sql.textArray(names))
                .text("deployed", Sql.textArray(deployed)).column("waiting", Long.class).row()[0]);
    }

    private int failExpiredH2(List<String> names, List<String> deployed, Duration grace, int limit) {
        H2SkipLocked expired = new H2SkipLocked(H2_EXPIRED.formatted(H2_UNDEPLOYED.formatted(
                H2Sql.textArray("names", names), H2Sql.textArray("deployed", deployed))), "available_at");
        return tx.inTransaction(em -> {
            List<UUID> picked = expired.lock(em, limit, c -> c.clock(clock).texts("names", names)
                    .texts("deployed", deployed).millis("graceMs", grace));
            if (picked.isEmpty()) {
                return 0;
            }
            List<Object[]> failed = SqlCall.of(em, H2_FAIL).uuidList("ids", picked).clock(clock)
                    .text("grace", grace.toString()).column("id", UUID.class).column("attempts", Integer.class)
                    .rows();
            for (Object[] run : failed) {
                SqlCall.of(em, H2_EVENT).uuid("runId", (UUID) run[0]).integer("attempt", (Integer) run[1])
                        .clock(clock).update();
            }
            return failed.size();
        });
    }
}
