package io.iterativeflow.jpa.internal;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * Runs store work in one transaction: one commit per call. {@link #inTransaction} always owns its transaction (the
 * engine's own work never joins a caller's); {@link #joining} joins the caller's JTA transaction when there is one
 * ({@link JtaTransactions}), else owns one too. Implementations map database failures with {@link StoreErrors}.
 */
public interface Transactions extends AutoCloseable {

    /** Runs {@code work} in a new transaction and commits it, or rolls it back when {@code work} throws. */
    <T> T inTransaction(Function<EntityManager, T> work);

    /**
     * Runs {@code work} whose every write is one self-contained statement, each committing on its own (auto-commit):
     * one round trip per statement instead of a statement and a {@code COMMIT}. Only for work that needs no atomicity
     * across statements (a later read may see a newer snapshot). By default the same as {@link #inTransaction}.
     */
    default <T> T autoCommitted(Function<EntityManager, T> work) {
        return inTransaction(work);
    }

    /** Runs read-only {@code work}: no flush, no dirty checking, still one transaction. */
    <T> T readOnly(Function<EntityManager, T> work);

    /**
     * Runs {@code work} in the calling thread's JTA transaction when one is active (committed or rolled back by its
     * owner), else like {@link #inTransaction}.
     */
    default <T> T joining(Function<EntityManager, T> work) {
        return inTransaction(work);
    }

    /**
     * {@link #joining} for work whose writes are single statements: outside a caller's transaction it runs
     * {@link #autoCommitted}, one round trip per statement.
     */
    default <T> T joiningAutoCommitted(Function<EntityManager, T> work) {
        return joining(work);
    }

    /** Whether the calling thread has a transaction of its own that {@link #joining} would join. */
    default boolean callerTransactionActive() {
        return false;
    }

    /** Runs {@code action} after the commit of what {@link #joining} just wrote: at once, unless it joined. */
    default void afterCommit(Runnable action) {
        action.run();
    }

    /** Closes the factory behind the transactions. */
    @Override
    void close();
}
