package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** A start on PostgreSQL: the run, its {@code created} event and the ready notification in one statement. */
final class PgRunInsert implements RunInsertStatement {

    private static final String INSERT = """
            WITH ins AS (
                INSERT INTO workflow.runs (id, flow_name, flow_version, status, input, idempotency_key, tags,
                                           priority, attempts, available_at, depth, created_at, updated_at,
                                           trace_parent, concurrency_key, key_order, started_by)
                VALUES (:id, :flowName, :flowVersion, 'pending', CAST(:input AS jsonb), :idempotencyKey,
                        CAST(:tags AS text[]), :priority, 0, %s, 1, %s, %s, :traceParent, CAST(:concurrencyKey AS text),
                        CASE WHEN CAST(:concurrencyKey AS text) IS NULL THEN NULL
                             ELSE nextval('workflow.run_key_order') END,
                        :startedBy)
                ON CONFLICT (flow_name, flow_version, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
                RETURNING id, created_at, started_by
            ), created AS (
                INSERT INTO workflow.events (run_id, type, attempt, at, actor)
                SELECT id, 'created', 0, created_at, started_by FROM ins
            ), n AS (
                %s
            )
            SELECT id, %s FROM ins
            """.formatted(Sql.nowPlus("delayMs"), Sql.NOW, Sql.NOW,
                    Notify.ready(":flowName", "ins WHERE :delayMs <= 0"),
                    Notify.NOTIFIED);

    /**
     * The run inserted claimed: no ready notification, since no other instance needs to look for it. The two events
     * are one insert, so their ids keep their order.
     */
    private static final String INSERT_CLAIMED = """
            WITH ins AS (
                INSERT INTO workflow.runs (id, flow_name, flow_version, status, input, idempotency_key, tags,
                                           priority, attempts, available_at, depth, created_at, updated_at,
                                           lease_owner, lease_expires_at, trace_parent, started_by)
                VALUES (:id, :flowName, :flowVersion, 'running', CAST(:input AS jsonb), :idempotencyKey,
                        CAST(:tags AS text[]), :priority, 1, %1$s, 1, %1$s, %1$s, :owner, %2$s, :traceParent,
                        :startedBy)
                ON CONFLICT (flow_name, flow_version, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
                RETURNING id, created_at, started_by
            ), events AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at, actor)
                SELECT ins.id, e.type, e.attempt, e.detail, ins.created_at,
                       CASE WHEN e.type = 'created' THEN ins.started_by END
                FROM ins CROSS JOIN (VALUES ('created', 0, CAST(NULL AS text)), ('claimed', 1, :owner))
                    AS e (type, attempt, detail)
                ORDER BY e.attempt
            )
            SELECT id, created_at FROM ins
            """.formatted(Sql.NOW, Sql.nowPlus("leaseMs"));

    @Override
    public boolean claimsOnInsert() {
        return true;
    }

    @Override
    public Optional<Instant> insertClaimed(EntityManager em, FlowClock clock, NewRun run, String owner,
            Duration lease) {
        return SqlCall.of(em, INSERT_CLAIMED)
                .uuid("id", run.id())
                .text("flowName", run.flowName())
                .integer("flowVersion", run.flowVersion())
                .text("input", run.inputJson())
                .text("idempotencyKey", run.idempotencyKey().orElse(null))
                .text("tags", Sql.textArray(run.tags()))
                .integer("priority", run.priority())
                .text("traceParent", run.traceParent())
                .text("startedBy", run.startedBy().orElse(null))
                .text("owner", owner)
                .millis("leaseMs", lease)
                .clock(clock)
                .list(row -> row.instant("created_at"))
                .stream().findFirst();
    }

    @Override
    public boolean insert(EntityManager em, FlowClock clock, NewRun run) {
        return !SqlCall.of(em, INSERT)
                .uuid("id", run.id())
                .text("flowName", run.flowName())
                .integer("flowVersion", run.flowVersion())
                .text("input", run.inputJson())
                .text("idempotencyKey", run.idempotencyKey().orElse(null))
                .text("tags", Sql.textArray(run.tags()))
                .integer("priority", run.priority())
                .text("traceParent", run.traceParent())
                .text("concurrencyKey", run.concurrencyKey().orElse(null))
                .text("startedBy", run.startedBy().orElse(null))
                .millis("delayMs", run.delay())
                .clock(clock)
                .list(row -> row.uuid("id"))
                .isEmpty();
    }

    /** One statement: auto-committed, or in the caller's transaction. */
    @Override
    public <T> T startOne(Transactions tx, boolean keyed, Function<EntityManager, T> start) {
        return tx.joiningAutoCommitted(start);
    }

    @Override
    public <T> T startMany(Transactions tx, boolean keyed, Function<EntityManager, T> start) {
        return tx.joining(start);
    }
}
