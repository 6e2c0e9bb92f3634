package io.iterativeflow.jpa.internal;

/**
 * Thrown inside {@link Transactions#inTransaction} to end the transaction with a rollback and still hand a result to
 * the caller, who catches it outside the transaction. No failure: the rollback is the plan.
 */
final class RolledBack extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object result;

    RolledBack(Object result) {
        super("rolled back on purpose", null, false, false);
        this.result = result;
    }

    @SuppressWarnings("unchecked")
    <T> T result() {
        return (T) result;
    }
}
