package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/** A signal delivery's statements on PostgreSQL: the store, the wake-up and the notification in one statement. */
final class PgSignalStore implements SignalStoreStatements {

    private static final String LOCK = """
            SELECT status, (%s) AS waits, flow_name, flow_version FROM workflow.runs WHERE id = :runId FOR UPDATE
            """.formatted(SignalSql.WAITS_FOR_NAME);

    private static final String STORE = """
            WITH s AS (
                INSERT INTO workflow.signals (run_id, name, payload, dedup_key, status, created_at)
                VALUES (:runId, :name, CAST(:payload AS jsonb), :dedup, :status, %1$s)
                RETURNING run_id
            ), w AS (
                UPDATE workflow.runs SET available_at = %1$s, updated_at = %1$s
                WHERE id = :runId AND :status = 'delivered' AND %2$s
                RETURNING id, flow_name
            ), n AS (
                %3$s
            ), e AS (
                INSERT INTO workflow.events (run_id, type, attempt, detail, at, actor)
                SELECT r.id, 'signal_' || :status, r.attempts, :name, %1$s, CAST(:actor AS text)
                FROM workflow.runs r WHERE r.id = :runId
            )
            SELECT (SELECT count(*) FROM s) AS stored, (SELECT count(*) FROM w) AS woken, %4$s
            """.formatted(Sql.NOW, SignalSql.WAITS_FOR_NAME, Notify.ready("flow_name", "w"), Notify.NOTIFIED);

    @Override
    public Optional<LockedRun> lock(EntityManager em, UUID runId, String name) {
        return SqlCall.of(em, LOCK).uuid("runId", runId).text("name", name)
                .list(row -> new LockedRun(row.text("status"), Boolean.TRUE.equals(row.nullableBool("waits")), null,
                        row.text("flow_name"), row.integer("flow_version")))
                .stream().findFirst();
    }

    @Override
    public Stored store(EntityManager em, FlowClock clock, LockedRun run, UUID runId, String name,
            String payloadJson, Optional<String> deliveryId, String status, String actor) {
        return SqlCall.of(em, STORE).uuid("runId", runId).text("name", name).text("payload", payloadJson)
                .text("dedup", deliveryId.orElse(null)).text("status", status).text("actor", actor).clock(clock)
                .one(row -> new Stored(row.count("stored"), row.count("woken")));
    }
}
