package io.iterativeflow.api;

/** A step failed for good: it threw with no retries left, or its failure was permanent, or it timed out. */
public class StepFailedException extends FlowException {

    private static final long serialVersionUID = 1L;

    private final String cursorKey;
    private final int attempt;

    public StepFailedException(FlowErrorCode code, String runId, String cursorKey, int attempt, String message,
            Throwable cause) {
        super(code, message, runId, cause);
        this.cursorKey = cursorKey;
        this.attempt = attempt;
    }

    public String cursorKey() {
        return cursorKey;
    }

    /** The try of the step that failed last. */
    public int attempt() {
        return attempt;
    }
}
