package io.iterativeflow.api;

import java.sql.Connection;

/**
 * What a transactional step sees: everything a {@link StepScope} offers, plus the connection of the transaction that
 * will also record the step's result.
 */
public interface TransactionalStepScope extends StepScope {

    /**
     * A connection to the engine's data source, inside the transaction that records this step's result when the step
     * returns. Write your business rows through it: they commit together with the step's record, or not at all.
     *
     * <p>The engine owns the transaction: {@code commit()}, {@code rollback()}, {@code setAutoCommit(true)},
     * {@code setTransactionIsolation(...)} and {@code abort(...)} throw; {@code close()} does nothing. Savepoints
     * work. The connection is only valid while the step runs; keep no reference to it.
     */
    Connection connection();
}
