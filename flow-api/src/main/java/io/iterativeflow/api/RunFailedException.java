package io.iterativeflow.api;

/**
 * Thrown by {@code result(...)} when the run ended without an output: {@link #code()} is the run's own error code
 * ({@code STEP_FAILED}, {@code RUN_CANCELED}, {@code RUN_ATTEMPTS_EXHAUSTED}, ...) and {@link #status()} its status.
 */
public class RunFailedException extends FlowException {

    private static final long serialVersionUID = 1L;

    private final RunStatus status;

    public RunFailedException(FlowErrorCode code, String runId, RunStatus status, String message) {
        super(code, message, runId, null);
        this.status = status;
    }

    public RunStatus status() {
        return status;
    }
}
