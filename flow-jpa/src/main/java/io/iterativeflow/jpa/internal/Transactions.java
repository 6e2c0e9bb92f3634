package io.iterativeflow.jpa.internal;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * Runs store work in one transaction: one commit per call. The resource-local implementation owns the
 * transaction; a JTA implementation would join the caller's transaction instead (transactional start).
 * Implementations map database failures with {@link StoreErrors}.
 */
public interface Transactions extends AutoCloseable {

    /** Runs {@code work} in a new transaction and commits it, or rolls it back when {@code work} throws. */
    <T> T inTransaction(Function<EntityManager, T> work);

    /** Runs read-only {@code work}: no flush, no dirty checking, still one transaction. */
    <T> T readOnly(Function<EntityManager, T> work);

    /** Closes the factory behind the transactions. */
    @Override
    void close();
}
