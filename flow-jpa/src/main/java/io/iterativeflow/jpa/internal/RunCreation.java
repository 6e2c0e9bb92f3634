package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.StartResult;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** {@code createRun}: insert the run and its {@code created} event in one statement, idempotency in SQL. */
public final class RunCreation {

    private static final String INSERT = """
            WITH ins AS (
                INSERT INTO workflow.runs (id, flow_name, flow_version, status, input, idempotency_key, tags,
                                           priority, attempts, available_at, depth, created_at, updated_at)
                VALUES (:id, :flowName, :flowVersion, 'pending', CAST(:input AS jsonb), :idempotencyKey,
                        CAST(:tags AS text[]), :priority, 0, %s, 1, %s, %s)
                ON CONFLICT (flow_name, flow_version, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
                RETURNING id, created_at
            ), created AS (
                INSERT INTO workflow.events (run_id, type, attempt, at)
                SELECT id, 'created', 0, created_at FROM ins
            ), n AS (
                %s
            )
            SELECT id, %s FROM ins
            """.formatted(Sql.nowPlus("delayMs"), Sql.NOW, Sql.NOW,
                    Notify.ready(":flowName", "ins WHERE :delayMs <= 0"),
                    Notify.NOTIFIED);

    /** H2: the run, after a look for the key (a concurrent start of the same key fails on the unique index). */
    private static final String H2_INSERT = """
            INSERT INTO workflow.runs (id, flow_name, flow_version, status, input, idempotency_key, tags, priority,
                                       attempts, available_at, depth, created_at, updated_at)
            VALUES (:id, :flowName, :flowVersion, 'pending', %s, :idempotencyKey, %%s, :priority, 0, %s, 1, %s, %s)
            """.formatted(H2Sql.json("input"), H2Sql.nowPlus("delayMs"), H2Sql.NOW, H2Sql.NOW);

    private static final String H2_CREATED_EVENT = "INSERT INTO workflow.events (run_id, type, attempt, at)"
            + " SELECT id, 'created', 0, created_at FROM workflow.runs WHERE id = :id";

    private static final String EXISTING = "SELECT r.id FROM FlowRun r WHERE r.flowName = :flowName"
            + " AND r.flowVersion = :flowVersion AND r.idempotencyKey = :idempotencyKey";

    /** The run holding a key can be deleted (retention) between our two statements; then we insert again. */
    private static final int TRIES = 3;

    private final Transactions tx;
    private final FlowClock clock;

    public RunCreation(Transactions tx, FlowClock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Creates the run in a transaction of its own, or in the caller's JTA transaction when one is active. */
    public StartResult create(NewRun run) {
        if (tx.dialect() == Dialect.H2 && run.idempotencyKey().isPresent()) {
            return H2KeyRaces.retry("starting a run", () -> tx.joining(em -> createIn(em, run)));
        }
        return tx.joiningAutoCommitted(em -> createIn(em, run));
    }

    /** Creates the run inside the transaction of {@code em}. */
    StartResult createIn(EntityManager em, NewRun run) {
        for (int i = 0; i < TRIES; i++) {
            List<Object[]> inserted = insert(em, run);
            if (!inserted.isEmpty()) {
                return new StartResult((UUID) inserted.get(0)[0], true);
            }
            // A new statement, so a new snapshot under READ COMMITTED: it sees the row that won the key.
            List<UUID> existing = em.createQuery(EXISTING, UUID.class)
                    .setParameter("flowName", run.flowName())
                    .setParameter("flowVersion", run.flowVersion())
                    .setParameter("idempotencyKey", run.idempotencyKey().orElseThrow())
                    .getResultList();
            if (!existing.isEmpty()) {
                return new StartResult(existing.get(0), false);
            }
        }
        throw new IllegalStateException("run with idempotency key " + run.idempotencyKey().orElse("")
                + " neither inserted nor found after " + TRIES + " tries");
    }

    private List<Object[]> insert(EntityManager em, NewRun run) {
        if (tx.dialect() == Dialect.H2) {
            return insertH2(em, run);
        }
        return SqlCall.of(em, INSERT)
                .uuid("id", run.id())
                .text("flowName", run.flowName())
                .integer("flowVersion", run.flowVersion())
                .text("input", run.inputJson())
                .text("idempotencyKey", run.idempotencyKey().orElse(null))
                .text("tags", Sql.textArray(run.tags()))
                .integer("priority", run.priority())
                .millis("delayMs", run.delay())
                .clock(clock)
                .column("id", UUID.class)
                .rows();
    }

    private List<Object[]> insertH2(EntityManager em, NewRun run) {
        if (run.idempotencyKey().isPresent() && !em.createQuery(EXISTING, UUID.class)
                .setParameter("flowName", run.flowName())
                .setParameter("flowVersion", run.flowVersion())
                .setParameter("idempotencyKey", run.idempotencyKey().get())
                .getResultList().isEmpty()) {
            return List.of();
        }
        List<String> tags = List.copyOf(run.tags());
        int inserted = SqlCall.of(em, H2_INSERT.formatted(H2Sql.textArray("tags", tags)))
                .uuid("id", run.id())
                .text("flowName", run.flowName())
                .integer("flowVersion", run.flowVersion())
                .text("input", run.inputJson())
                .text("idempotencyKey", run.idempotencyKey().orElse(null))
                .texts("tags", tags)
                .integer("priority", run.priority())
                .millis("delayMs", run.delay())
                .clock(clock)
                .update();
        if (inserted == 0) {
            return List.of();
        }
        SqlCall.of(em, H2_CREATED_EVENT).uuid("id", run.id()).update();
        return List.<Object[]>of(new Object[] {run.id()});
    }
}
