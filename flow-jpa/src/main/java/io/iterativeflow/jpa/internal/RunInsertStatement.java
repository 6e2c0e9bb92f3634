package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.NewRun;
import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * A start's insert and the transaction it runs in. {@link PgRunInsert} is one statement whose key conflict waits for
 * the other transaction; {@link H2RunInsert} is several statements that need a transaction, and H2 rejects a key
 * another transaction has inserted uncommitted at once, so its starts with a key are tried again ({@link H2KeyRaces}).
 */
interface RunInsertStatement {

    /** Inserts {@code run} and its {@code created} event, unless a run holds its idempotency key; true if inserted. */
    boolean insert(EntityManager em, FlowClock clock, NewRun run);

    /** Runs the start of one run: on its own commit, or in the caller's JTA transaction when one is active. */
    <T> T startOne(Transactions tx, boolean keyed, Function<EntityManager, T> start);

    /** Runs the start of several runs, all in one transaction (the caller's when one is active). */
    <T> T startMany(Transactions tx, boolean keyed, Function<EntityManager, T> start);
}
