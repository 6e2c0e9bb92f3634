package io.iterativeflow.core.spi;

/**
 * Thrown by {@link FlowStore#runTransactionalStep} when the step's own work threw: the transaction was rolled back
 * and nothing was written. {@link #getCause()} is what the work threw.
 */
public final class StepWorkFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StepWorkFailed(Throwable cause) {
        super("the transactional step's work failed: " + cause, cause);
    }
}
