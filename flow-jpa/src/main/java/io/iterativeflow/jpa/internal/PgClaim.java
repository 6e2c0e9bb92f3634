package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The claim on PostgreSQL: one statement takes the ready runs ({@code FOR UPDATE SKIP LOCKED}), sets them running,
 * writes the {@code claimed} events and fires their due timers.
 */
final class PgClaim implements ClaimStatement {

    private static final String CLAIM_TEMPLATE = """
            WITH picked AS (
                SELECT id FROM workflow.runs
                WHERE status IN %1$s AND available_at <= %2$s%4$s
                ORDER BY priority DESC, available_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
            ), claimed AS (
                UPDATE workflow.runs r
                SET status = 'running', lease_owner = :owner, lease_expires_at = %3$s,
                    attempts = r.attempts + 1, updated_at = %2$s
                FROM picked WHERE r.id = picked.id
                RETURNING r.id, r.flow_name, r.flow_version, CAST(r.input AS text) AS input, r.attempts,
                          r.suspensions, r.depth, r.trace_parent,
                          r.priority, r.available_at
            ), claimed_event AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at)
                SELECT id, 'claimed', attempts, :owner, %2$s FROM claimed
            ), fired AS (
                UPDATE workflow.timers t SET fired_at = %2$s
                FROM claimed c
                WHERE t.run_id = c.id AND t.fired_at IS NULL AND t.due_at <= %2$s
            )
            SELECT id, flow_name, flow_version, input, attempts, suspensions, depth, trace_parent,
                   %2$s AS claimed_at
            FROM claimed ORDER BY priority DESC, available_at
            """;
    /** Claims runs of any flow (tools and tests). */
    private static final String CLAIM_ANY = CLAIM_TEMPLATE.formatted(Sql.WAITING, Sql.NOW, Sql.nowPlus("leaseMs"), "");
    /** Claims only runs of the flows this instance has deployed, so it never takes work it cannot do. */
    private static final String CLAIM_DEPLOYED = CLAIM_TEMPLATE.formatted(Sql.WAITING, Sql.NOW,
            Sql.nowPlus("leaseMs"), "\n                  AND flow_name || '@' || flow_version = ANY(CAST(:flows AS text[]))");

    @Override
    public List<Claimed> claim(EntityManager em, FlowClock clock, String owner, int limit, Duration lease,
            Optional<Set<String>> flows) {
        SqlCall call = flows.isPresent()
                ? SqlCall.of(em, CLAIM_DEPLOYED).text("flows", arrayLiteral(flows.get()))
                : SqlCall.of(em, CLAIM_ANY);
        return call.integer("limit", limit).text("owner", owner).millis("leaseMs", lease).clock(clock)
                .list(Claimed::read);
    }

    /** Flow ids are {@code name@version} with names limited to letters, digits, '.', '_', '-': no quoting needed. */
    private static String arrayLiteral(Set<String> flowIds) {
        return flowIds.stream().sorted().collect(Collectors.joining(",", "{", "}"));
    }
}
