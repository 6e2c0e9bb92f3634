package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.Function;

/**
 * A start on H2: a look for the key, the run, its {@code created} event, each a statement; they need one transaction,
 * so every start asks for one. A concurrent start of the same key fails on the unique index and is tried again.
 */
final class H2RunInsert implements RunInsertStatement {

    private static final String INSERT = """
            INSERT INTO workflow.runs (id, flow_name, flow_version, status, input, idempotency_key, tags, priority,
                                       attempts, available_at, depth, created_at, updated_at, trace_parent,
                                       concurrency_key, key_order, started_by)
            VALUES (:id, :flowName, :flowVersion, 'pending', %s, :idempotencyKey, %%s, :priority, 0, %s, 1, %s, %s,
                    :traceParent, CAST(:concurrencyKey AS VARCHAR), CASE WHEN CAST(:concurrencyKey AS VARCHAR) IS NULL
                    THEN NULL ELSE NEXT VALUE FOR workflow.run_key_order END,
                    :startedBy)
            """.formatted(H2Sql.json("input"), H2Sql.nowPlus("delayMs"), H2Sql.NOW, H2Sql.NOW);

    private static final String CREATED_EVENT = "INSERT INTO workflow.events (run_id, type, attempt, at, actor)"
            + " SELECT id, 'created', 0, created_at, started_by FROM workflow.runs WHERE id = :id";

    @Override
    public boolean insert(EntityManager em, FlowClock clock, NewRun run) {
        if (run.idempotencyKey().isPresent() && RunCreation.existing(em, run).isPresent()) {
            return false;
        }
        List<String> tags = List.copyOf(run.tags());
        int inserted = SqlCall.of(em, INSERT.formatted(H2Sql.textArray("tags", tags)))
                .uuid("id", run.id())
                .text("flowName", run.flowName())
                .integer("flowVersion", run.flowVersion())
                .text("input", run.inputJson())
                .text("idempotencyKey", run.idempotencyKey().orElse(null))
                .texts("tags", tags)
                .integer("priority", run.priority())
                .text("traceParent", run.traceParent())
                .text("concurrencyKey", run.concurrencyKey().orElse(null))
                .text("startedBy", run.startedBy().orElse(null))
                .millis("delayMs", run.delay())
                .clock(clock)
                .update();
        if (inserted == 0) {
            return false;
        }
        SqlCall.of(em, CREATED_EVENT).uuid("id", run.id()).update();
        return true;
    }

    @Override
    public <T> T startOne(Transactions tx, boolean keyed, Function<EntityManager, T> start) {
        return keyed ? H2KeyRaces.retry("starting a run", () -> tx.joining(start)) : tx.joining(start);
    }

    @Override
    public <T> T startMany(Transactions tx, boolean keyed, Function<EntityManager, T> start) {
        return keyed ? H2KeyRaces.retry("starting runs", () -> tx.joining(start)) : tx.joining(start);
    }
}
