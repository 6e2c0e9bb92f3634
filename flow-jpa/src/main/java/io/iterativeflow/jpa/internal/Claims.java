package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code claim}: one statement takes the ready runs ({@code FOR UPDATE SKIP LOCKED}), sets them running, writes the
 * {@code claimed} events and fires their due timers; a second statement in the same transaction loads the history
 * of the runs that can have one. One commit.
 */
public final class Claims {

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
                          r.suspensions, r.depth,
                          r.priority, r.available_at
            ), claimed_event AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at)
                SELECT id, 'claimed', attempts, :owner, %2$s FROM claimed
            ), fired AS (
                UPDATE workflow.timers t SET fired_at = %2$s
                FROM claimed c
                WHERE t.run_id = c.id AND t.fired_at IS NULL AND t.due_at <= %2$s
            )
            SELECT id, flow_name, flow_version, input, attempts, suspensions, depth, %2$s AS claimed_at
            FROM claimed ORDER BY priority DESC, available_at
            """;
    /** Claims runs of any flow (tools and tests). */
    private static final String CLAIM_ANY = CLAIM_TEMPLATE.formatted(Sql.WAITING, Sql.NOW, Sql.nowPlus("leaseMs"), "");
    /** Claims only runs of the flows this instance has deployed, so it never takes work it cannot do. */
    private static final String CLAIM_DEPLOYED = CLAIM_TEMPLATE.formatted(Sql.WAITING, Sql.NOW,
            Sql.nowPlus("leaseMs"), "\n                  AND flow_name || '@' || flow_version = ANY(CAST(:flows AS text[]))");

    /** H2: the ready runs, in the claim's order. */
    private static final String H2_READY = "status IN " + Sql.WAITING + " AND available_at <= " + H2Sql.NOW;
    private static final String H2_ORDER = "priority DESC, available_at";
    private static final H2SkipLocked H2_PICK_ANY = new H2SkipLocked(H2_READY, H2_ORDER);
    private static final H2SkipLocked H2_PICK_DEPLOYED = new H2SkipLocked(H2_READY
            + " AND flow_name || '@' || CAST(flow_version AS VARCHAR) IN (:flows)", H2_ORDER);

    private static final String H2_CLAIM = """
            UPDATE workflow.runs
            SET status = 'running', lease_owner = :owner, lease_expires_at = %s, attempts = attempts + 1,
                updated_at = %s
            WHERE id IN (:ids)
            """.formatted(H2Sql.nowPlus("leaseMs"), H2Sql.NOW);

    private static final String H2_CLAIMED_EVENTS = """
            INSERT INTO workflow.events (run_id, type, attempt, detail, at)
            SELECT id, 'claimed', attempts, :owner, %s FROM workflow.runs WHERE id IN (:ids)
            ORDER BY priority DESC, available_at
            """.formatted(H2Sql.NOW);

    private static final String H2_FIRE_TIMERS = """
            UPDATE workflow.timers SET fired_at = %1$s
            WHERE run_id IN (:ids) AND fired_at IS NULL AND due_at <= %1$s
            """.formatted(H2Sql.NOW);

    private static final String H2_CLAIMED = """
            SELECT id, flow_name, flow_version, CAST(input AS VARCHAR) AS input, attempts, suspensions, depth,
                   %s AS claimed_at
            FROM workflow.runs WHERE id IN (:ids)
            ORDER BY priority DESC, available_at
            """.formatted(H2Sql.NOW);

    private final Transactions tx;
    private final FlowClock clock;
    private final Leases leases;

    public Claims(Transactions tx, FlowClock clock, Leases leases) {
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
    }

    public List<ClaimedRun> claim(String owner, int limit, Duration lease, Optional<Set<String>> flows) {
        leases.remember(owner, lease);
        return tx.inTransaction(em -> {
            List<Object[]> rows = tx.dialect() == Dialect.H2
                    ? claimH2(em, owner, limit, lease, flows)
                    : claimPg(em, owner, limit, lease, flows);
            List<UUID> withHistory = new ArrayList<>();
            for (Object[] row : rows) {
                if ((Integer) row[4] > 1) {
                    withHistory.add((UUID) row[0]);
                }
            }
            History history = withHistory.isEmpty() ? History.NONE : History.load(em, withHistory, tx.dialect());
            List<ClaimedRun> claimed = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                UUID id = (UUID) row[0];
                claimed.add(new ClaimedRun(id, (String) row[1], (Integer) row[2], (String) row[3], (Integer) row[4],
                        (Integer) row[5], (Integer) row[6], owner, (Instant) row[7], history.steps(id),
                        history.timers(id)));
            }
            return claimed;
        });
    }

    private List<Object[]> claimPg(EntityManager em, String owner, int limit, Duration lease,
            Optional<Set<String>> flows) {
        SqlCall call = flows.isPresent()
                ? SqlCall.of(em, CLAIM_DEPLOYED).text("flows", arrayLiteral(flows.get()))
                : SqlCall.of(em, CLAIM_ANY);
        return call
                .integer("limit", limit)
                .text("owner", owner)
                .millis("leaseMs", lease)
                .clock(clock)
                .column("id", UUID.class).column("flow_name", String.class).column("flow_version", Integer.class)
                .column("input", String.class).column("attempts", Integer.class)
                .column("suspensions", Integer.class).column("depth", Integer.class)
                .column("claimed_at", Instant.class)
                .rows();
    }

    /**
     * H2: the same effects as the PostgreSQL statement in one transaction: lock the ready runs, passing over those
     * another claim holds ({@link H2SkipLocked}), set them running, write their {@code claimed} events, fire their
     * due timers, read them.
     */
    private List<Object[]> claimH2(EntityManager em, String owner, int limit, Duration lease,
            Optional<Set<String>> flows) {
        if (flows.isPresent() && flows.get().isEmpty()) {
            return List.of();
        }
        List<UUID> ids = flows.isPresent()
                ? H2_PICK_DEPLOYED.lock(em, limit, call -> call.clock(clock).textList("flows", flows.get()))
                : H2_PICK_ANY.lock(em, limit, call -> call.clock(clock));
        if (ids.isEmpty()) {
            return List.of();
        }
        SqlCall.of(em, H2_CLAIM).uuidList("ids", ids).text("owner", owner).millis("leaseMs", lease).clock(clock)
                .update();
        SqlCall.of(em, H2_CLAIMED_EVENTS).uuidList("ids", ids).text("owner", owner).clock(clock).update();
        SqlCall.of(em, H2_FIRE_TIMERS).uuidList("ids", ids).clock(clock).update();
        return SqlCall.of(em, H2_CLAIMED).uuidList("ids", ids).clock(clock)
                .column("id", UUID.class).column("flow_name", String.class).column("flow_version", Integer.class)
                .column("input", String.class).column("attempts", Integer.class)
                .column("suspensions", Integer.class).column("depth", Integer.class)
                .column("claimed_at", Instant.class)
                .rows();
    }

    /** Flow ids are {@code name@version} with names limited to letters, digits, '.', '_', '-': no quoting needed. */
    private static String arrayLiteral(Set<String> flowIds) {
        return flowIds.stream().sorted().collect(Collectors.joining(",", "{", "}"));
    }
}
