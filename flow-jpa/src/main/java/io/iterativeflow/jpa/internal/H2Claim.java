package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The claim on H2: the PostgreSQL statement's effects as several statements of the caller's transaction. Lock the
 * ready runs whose turn it is under their concurrency key, passing over those another claim holds
 * ({@link H2SkipLocked}), set them running, write their {@code claimed} events, fire their due timers, read them.
 */
final class H2Claim implements ClaimStatement {

    private static final String READY = "status IN " + Sql.WAITING + " AND available_at <= " + H2Sql.NOW
            + " AND " + Sql.keyTurn("workflow.runs");
    private static final String ORDER = "priority DESC, available_at";
    private static final String DEPLOYED = " AND flow_name || '@' || CAST(flow_version AS VARCHAR) IN (:flows)";
    private static final H2SkipLocked PICK_ANY = new H2SkipLocked(READY, ORDER);
    private static final H2SkipLocked PICK_DEPLOYED = new H2SkipLocked(READY + DEPLOYED, ORDER);
    private static final H2SkipLocked PICK_DEPLOYED_UNLIMITED = new H2SkipLocked(READY + DEPLOYED
            + " AND flow_name NOT IN (:limited)", ORDER);
    private static final H2SkipLocked PICK_FLOW = new H2SkipLocked(READY + DEPLOYED + " AND flow_name = :flowName",
            ORDER);

    private static final String CLAIM = """
            UPDATE workflow.runs
            SET status = 'running', lease_owner = :owner, lease_expires_at = %s, attempts = attempts + 1,
                updated_at = %s
            WHERE id IN (:ids)
            """.formatted(H2Sql.nowPlus("leaseMs"), H2Sql.NOW);

    private static final String CLAIMED_EVENTS = """
            INSERT INTO workflow.events (run_id, type, attempt, detail, at)
            SELECT id, 'claimed', attempts, :owner, %s FROM workflow.runs WHERE id IN (:ids)
            ORDER BY priority DESC, available_at
            """.formatted(H2Sql.NOW);

    private static final String FIRE_TIMERS = """
            UPDATE workflow.timers SET fired_at = %1$s
            WHERE run_id IN (:ids) AND fired_at IS NULL AND due_at <= %1$s
            """.formatted(H2Sql.NOW);

    private static final String CLAIMED = """
            SELECT id, flow_name, flow_version, CAST(input AS VARCHAR) AS input, attempts, suspensions, depth,
                   trace_parent, concurrency_key, %s AS claimed_at
            FROM workflow.runs WHERE id IN (:ids)
            ORDER BY priority DESC, available_at
            """.formatted(H2Sql.NOW);

    private static final String ENSURE_CONTROL = """
            MERGE INTO workflow.flow_control c
            USING (VALUES 1) AS one (x) ON c.flow_name = :flowName
            WHEN NOT MATCHED THEN INSERT (flow_name) VALUES (:flowName)
            """;
    private static final String LOCK_CONTROL = "SELECT window_start, window_claims, " + H2Sql.NOW + " AS now"
            + " FROM workflow.flow_control WHERE flow_name = :flowName FOR UPDATE";

    @Override
    public List<Claimed> claim(EntityManager em, FlowClock clock, String owner, int limit, Duration lease,
            Optional<Set<String>> flows, Set<String> limited) {
        List<UUID> ids;
        if (flows.isEmpty()) {
            ids = PICK_ANY.lock(em, limit, call -> call.clock(clock));
        } else if (limited.isEmpty()) {
            ids = PICK_DEPLOYED.lock(em, limit, call -> call.clock(clock).textList("flows", flows.get()));
        } else {
            ids = PICK_DEPLOYED_UNLIMITED.lock(em, limit, call -> call.clock(clock).textList("flows", flows.get())
                    .textList("limited", limited));
        }
        return claimIds(em, clock, owner, lease, ids);
    }

    @Override
    public List<Claimed> claimFlow(EntityManager em, FlowClock clock, String owner, int limit, Duration lease,
            Set<String> flows, String flowName) {
        UnaryOperator<SqlCall> bind = call -> call.clock(clock).textList("flows", flows).text("flowName", flowName);
        return claimIds(em, clock, owner, lease, PICK_FLOW.lock(em, limit, bind));
    }

    private static List<Claimed> claimIds(EntityManager em, FlowClock clock, String owner, Duration lease,
            List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        SqlCall.of(em, CLAIM).uuidList("ids", ids).text("owner", owner).millis("leaseMs", lease).clock(clock)
                .update();
        SqlCall.of(em, CLAIMED_EVENTS).uuidList("ids", ids).text("owner", owner).clock(clock).update();
        SqlCall.of(em, FIRE_TIMERS).uuidList("ids", ids).clock(clock).update();
        return SqlCall.of(em, CLAIMED).uuidList("ids", ids).clock(clock).list(Claimed::read);
    }

    @Override
    public void ensureControl(EntityManager em, String flowName) {
        SqlCall.of(em, ENSURE_CONTROL).text("flowName", flowName).update();
    }

    @Override
    public Optional<Control> lockControl(EntityManager em, FlowClock clock, String flowName) {
        return SqlCall.of(em, LOCK_CONTROL).text("flowName", flowName).clock(clock).list(Control::read).stream()
                .findFirst();
    }
}
