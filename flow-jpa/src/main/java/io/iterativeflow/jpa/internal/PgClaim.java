package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The claim on PostgreSQL: one statement takes the ready runs ({@code FOR UPDATE SKIP LOCKED}) whose turn it is under
 * their concurrency key, sets them running, writes the {@code claimed} events and fires their due timers.
 */
final class PgClaim implements ClaimStatement {

    private static final String CLAIM_TEMPLATE = """
            WITH picked AS (
                SELECT r.id FROM workflow.runs r
                WHERE r.status IN %1$s AND r.available_at <= %2$s%4$s
                  AND %5$s
                ORDER BY r.priority DESC, r.available_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            ), claimed AS (
                UPDATE workflow.runs r
                SET status = 'running', lease_owner = :owner, lease_expires_at = %3$s,
                    attempts = r.attempts + 1, updated_at = %2$s
                FROM picked WHERE r.id = picked.id
                RETURNING r.id, r.flow_name, r.flow_version, CAST(r.input AS text) AS input, r.attempts,
                          r.suspensions, r.depth, r.trace_parent, r.concurrency_key,
                          r.priority, r.available_at
            ), claimed_event AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at)
                SELECT id, 'claimed', attempts, :owner, %2$s FROM claimed
            ), fired AS (
                UPDATE workflow.timers t SET fired_at = %2$s
                FROM claimed c
                WHERE t.run_id = c.id AND t.fired_at IS NULL AND t.due_at <= %2$s
            )
            SELECT id, flow_name, flow_version, input, attempts, suspensions, depth, trace_parent, concurrency_key,
                   %2$s AS claimed_at
            FROM claimed ORDER BY priority DESC, available_at
            """;
    private static final String DEPLOYED =
            "\n                  AND r.flow_name || '@' || r.flow_version = ANY(CAST(:flows AS text[]))";
    /** Claims runs of any flow (tools and tests). */
    private static final String CLAIM_ANY = claim("");
    /** Claims only runs of the flows this instance has deployed, so it never takes work it cannot do. */
    private static final String CLAIM_DEPLOYED = claim(DEPLOYED);
    /** Like {@link #CLAIM_DEPLOYED}, passing over the flows with limits (claimed with {@link #CLAIM_FLOW}). */
    private static final String CLAIM_DEPLOYED_UNLIMITED = claim(DEPLOYED
            + "\n                  AND r.flow_name <> ALL(CAST(:limited AS text[]))");
    /** Claims runs of one deployed flow. */
    private static final String CLAIM_FLOW = claim(DEPLOYED + "\n                  AND r.flow_name = :flowName");

    private static final String ENSURE_CONTROL = "INSERT INTO workflow.flow_control (flow_name) VALUES (:flowName)"
            + " ON CONFLICT (flow_name) DO NOTHING";
    private static final String LOCK_CONTROL = "SELECT window_start, window_claims, " + Sql.NOW + " AS now"
            + " FROM workflow.flow_control WHERE flow_name = :flowName FOR UPDATE";

    private static String claim(String condition) {
        return CLAIM_TEMPLATE.formatted(Sql.WAITING, Sql.NOW, Sql.nowPlus("leaseMs"), condition, Sql.keyTurn("r"));
    }

    @Override
    public List<Claimed> claim(EntityManager em, FlowClock clock, String owner, int limit, Duration lease,
            Optional<Set<String>> flows, Set<String> limited) {
        SqlCall call;
        if (flows.isEmpty()) {
            call = SqlCall.of(em, CLAIM_ANY);
        } else if (limited.isEmpty()) {
            call = SqlCall.of(em, CLAIM_DEPLOYED).text("flows", arrayLiteral(flows.get()));
        } else {
            call = SqlCall.of(em, CLAIM_DEPLOYED_UNLIMITED).text("flows", arrayLiteral(flows.get()))
                    .text("limited", Sql.textArray(limited));
        }
        return call.integer("limit", limit).text("owner", owner).millis("leaseMs", lease).clock(clock)
                .list(Claimed::read);
    }

    @Override
    public List<Claimed> claimFlow(EntityManager em, FlowClock clock, String owner, int limit, Duration lease,
            Set<String> flows, String flowName) {
        return SqlCall.of(em, CLAIM_FLOW).text("flows", arrayLiteral(flows)).text("flowName", flowName)
                .integer("limit", limit).text("owner", owner).millis("leaseMs", lease).clock(clock)
                .list(Claimed::read);
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

    /** Flow ids are {@code name@version} with names limited to letters, digits, '.', '_', '-': no quoting needed. */
    private static String arrayLiteral(Set<String> flowIds) {
        return flowIds.stream().sorted().collect(Collectors.joining(",", "{", "}"));
    }
}
