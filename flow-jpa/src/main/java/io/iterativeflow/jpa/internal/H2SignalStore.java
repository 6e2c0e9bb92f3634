package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/** A signal delivery's statements on H2: the run's wait read under the lock and matched in Java. */
final class H2SignalStore implements SignalStoreStatements {

    private static final String LOCK = """
            SELECT status, wait_kind, wait_key, flow_name, flow_version FROM workflow.runs WHERE id = :runId FOR UPDATE
            """;

    private static final String STORE_SIGNAL = """
            INSERT INTO workflow.signals (run_id, name, payload, dedup_key, status, created_at)
            VALUES (:runId, :name, %s, :dedup, :status, %s)
            """.formatted(H2Sql.json("payload"), H2Sql.NOW);

    /** The run's row is locked since its wait was read, so the wait key still is the one read. */
    private static final String WAKE = """
            UPDATE workflow.runs SET available_at = %1$s, updated_at = %1$s
            WHERE id = :runId AND status = 'awaiting_signal' AND wait_kind = 'signal' AND wait_key = :waitKey
            """.formatted(H2Sql.NOW);

    private static final String EVENT = """
            INSERT INTO workflow.events (run_id, type, attempt, detail, at, actor)
            SELECT r.id, 'signal_' || :status, r.attempts, :name, %s, CAST(:actor AS VARCHAR)
            FROM workflow.runs r WHERE r.id = :runId
            """.formatted(H2Sql.NOW);

    @Override
    public Optional<LockedRun> lock(EntityManager em, UUID runId, String name) {
        return SqlCall.of(em, LOCK).uuid("runId", runId)
                .list(row -> {
                    String status = row.text("status");
                    String waitKey = row.text("wait_key");
                    return new LockedRun(status,
                            SignalSql.waitsForName(status, row.text("wait_kind"), waitKey, name), waitKey,
                            row.text("flow_name"), row.integer("flow_version"));
                })
                .stream().findFirst();
    }

    @Override
    public Stored store(EntityManager em, FlowClock clock, LockedRun run, UUID runId, String name,
            String payloadJson, Optional<String> deliveryId, String status, String actor) {
        int stored = SqlCall.of(em, STORE_SIGNAL).uuid("runId", runId).text("name", name)
                .text("payload", payloadJson).text("dedup", deliveryId.orElse(null)).text("status", status)
                .clock(clock).update();
        int woken = !"delivered".equals(status) ? 0 : SqlCall.of(em, WAKE).uuid("runId", runId)
                .text("waitKey", run.waitKey()).clock(clock).update();
        SqlCall.of(em, EVENT).uuid("runId", runId).text("name", name).text("status", status).text("actor", actor)
                .clock(clock).update();
        return new Stored(stored, woken);
    }
}
