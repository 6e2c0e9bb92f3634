package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Runs of undeployed versions on H2: the expired ones locked, failed (read back as changed), their events. */
final class H2Undeployed implements UndeployedStatements {

    /** {@code %1$s} and {@code %2$s} are {@link H2Sql#textArray}s of the names and the deployed versions. */
    private static final String UNDEPLOYED = "flow_name = ANY(%1$s)"
            + " AND NOT (flow_name || '@' || CAST(flow_version AS VARCHAR) = ANY(%2$s))";

    /** {@code %s} is {@link #UNDEPLOYED} with its arrays. */
    private static final String EXPIRED = "status IN " + Sql.WAITING
            + " AND available_at <= DATEADD(MILLISECOND, :offsetMs - :graceMs, CURRENT_TIMESTAMP) AND %s";

    private static final String FAIL = """
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

    private static final String EVENT = "INSERT INTO workflow.events (run_id, type, attempt, detail, at)"
            + " VALUES (:runId, 'failed', :attempt, 'FLOW_UNKNOWN', " + H2Sql.NOW + ")";

    private static final String COUNT = "SELECT count(*) AS waiting FROM workflow.runs WHERE status IN "
            + Sql.WAITING + " AND " + UNDEPLOYED;

    @Override
    public int failExpired(EntityManager em, FlowClock clock, List<String> names, List<String> deployed,
            Duration grace, int limit) {
        H2SkipLocked expired = new H2SkipLocked(EXPIRED.formatted(UNDEPLOYED.formatted(
                H2Sql.textArray("names", names), H2Sql.textArray("deployed", deployed))), "available_at");
        List<UUID> picked = expired.lock(em, limit, c -> c.clock(clock).texts("names", names)
                .texts("deployed", deployed).millis("graceMs", grace));
        if (picked.isEmpty()) {
            return 0;
        }
        List<Failed> failed = SqlCall.of(em, FAIL).uuidList("ids", picked).clock(clock)
                .text("grace", grace.toString())
                .list(row -> new Failed(row.uuid("id"), row.integer("attempts")));
        for (Failed run : failed) {
            SqlCall.of(em, EVENT).uuid("runId", run.id()).integer("attempt", run.attempts()).clock(clock).update();
        }
        return failed.size();
    }

    @Override
    public long countWaiting(EntityManager em, List<String> names, List<String> deployed) {
        return SqlCall.of(em, COUNT.formatted(H2Sql.textArray("names", names), H2Sql.textArray("deployed", deployed)))
                .texts("names", names).texts("deployed", deployed).one(row -> row.count("waiting"));
    }

    /** A run the statement failed, with the attempt its event names. */
    private record Failed(UUID id, int attempts) {
    }
}
