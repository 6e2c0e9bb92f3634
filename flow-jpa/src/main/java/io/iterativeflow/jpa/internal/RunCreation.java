package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.RunCommands.LocalStart;
import io.iterativeflow.core.spi.StartResult;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code createRun}: insert the run and its {@code created} event ({@link RunInsertStatement}), idempotency in SQL:
 * when a run holds the key, that run is the result.
 */
public final class RunCreation {

    private static final String EXISTING = "SELECT r.id FROM FlowRun r WHERE r.flowName = :flowName"
            + " AND r.flowVersion = :flowVersion AND r.idempotencyKey = :idempotencyKey";

    /** The run holding a key can be deleted (retention) between our two statements; then we insert again. */
    private static final int TRIES = 3;

    private final Transactions tx;
    private final FlowClock clock;
    private final RunInsertStatement statement;
    private final Leases leases;

    public RunCreation(Transactions tx, FlowClock clock, Database database, Leases leases) {
        this.tx = tx;
        this.clock = clock;
        this.statement = database.runInsert;
        this.leases = leases;
    }

    /**
     * Creates the run claimed by {@code owner} in one auto-committed statement when it is ready now, the start runs
     * outside a caller's transaction (a joined run must not run before that transaction commits) and the database
     * has the statement; otherwise creates it as {@link #create} does, unclaimed.
     */
    public LocalStart createClaimed(NewRun run, String owner, Duration lease) {
        if (!statement.claimsOnInsert() || !run.delay().isZero() || run.concurrencyKey().isPresent()
                || tx.callerTransactionActive()) {
            return new LocalStart(create(run), Optional.empty());
        }
        leases.remember(owner, lease);
        return tx.autoCommitted(em -> {
            Optional<Instant> claimedAt = statement.insertClaimed(em, clock, run, owner, lease);
            if (claimedAt.isEmpty()) {
                return new LocalStart(createIn(em, run), Optional.empty());
            }
            return new LocalStart(new StartResult(run.id(), true), Optional.of(new ClaimedRun(run.id(),
                    run.flowName(), run.flowVersion(), run.inputJson(), 1, 0, 1, owner, claimedAt.get(), List.of(),
                    List.of(), run.traceParent())));
        });
    }

    /** Creates the run in a transaction of its own, or in the caller's JTA transaction when one is active. */
    public StartResult create(NewRun run) {
        return statement.startOne(tx, run.idempotencyKey().isPresent(), em -> createIn(em, run));
    }

    /** Runs a start of several runs in one transaction, with the database's handling of key races. */
    <T> T startMany(boolean keyed, Function<EntityManager, T> start) {
        return statement.startMany(tx, keyed, start);
    }

    /** Creates the run inside the transaction of {@code em}. */
    StartResult createIn(EntityManager em, NewRun run) {
        for (int i = 0; i < TRIES; i++) {
            if (statement.insert(em, clock, run)) {
                return new StartResult(run.id(), true);
            }
            // A new statement, so a new snapshot under READ COMMITTED: it sees the row that won the key.
            Optional<UUID> existing = existing(em, run);
            if (existing.isPresent()) {
                return new StartResult(existing.get(), false);
            }
        }
        throw new IllegalStateException("run with idempotency key " + run.idempotencyKey().orElse("")
                + " neither inserted nor found after " + TRIES + " tries");
    }

    /** The run that holds {@code run}'s idempotency key, if any. */
    static Optional<UUID> existing(EntityManager em, NewRun run) {
        List<UUID> existing = em.createQuery(EXISTING, UUID.class)
                .setParameter("flowName", run.flowName())
                .setParameter("flowVersion", run.flowVersion())
                .setParameter("idempotencyKey", run.idempotencyKey().orElseThrow())
                .getResultList();
        return existing.stream().findFirst();
    }
}
