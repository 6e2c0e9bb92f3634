package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * A start's insert and the transaction it runs in. {@link PgRunInsert} is one statement whose key conflict waits for
 * the other transaction; {@link H2RunInsert} is several statements that need a transaction, and H2 rejects a key
 * another transaction has inserted uncommitted at once, so its starts with a key are tried again ({@link H2KeyRaces}).
 */
interface RunInsertStatement {

    /** Inserts {@code run} and its {@code created} event, unless a run holds its idempotency key; true if inserted. */
    boolean insert(EntityManager em, FlowClock clock, NewRun run);

    /** Whether {@link #insertClaimed} can write a run already claimed, in one statement. */
    default boolean claimsOnInsert() {
        return false;
    }

    /**
     * Inserts {@code run}, ready now, already claimed by {@code owner} (status {@code running}, first attempt, lease),
     * with its {@code created} and {@code claimed} events, unless a run holds its idempotency key; returns the claim's
     * time when inserted. Only where {@link #claimsOnInsert} says so.
     */
    default Optional<Instant> insertClaimed(EntityManager em, FlowClock clock, NewRun run, String owner,
            Duration lease) {
        throw new UnsupportedOperationException("this database claims runs with a claim statement only");
    }

    /** Runs the start of one run: on its own commit, or in the caller's JTA transaction when one is active. */
    <T> T startOne(Transactions tx, boolean keyed, Function<EntityManager, T> start);

    /** Runs the start of several runs, all in one transaction (the caller's when one is active). */
    <T> T startMany(Transactions tx, boolean keyed, Function<EntityManager, T> start);
}
