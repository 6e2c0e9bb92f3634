package io.iterativeflow.api;

/**
 * A child run ({@link FlowContext#invoke}) failed or was canceled. {@link #code()} is the child's own code
 * ({@code RUN_CANCELED} for a canceled child); the parent may catch it and compensate, otherwise the parent fails with
 * that code. It is never retried: replays of the parent throw it again.
 */
public class ChildFailedException extends FlowException {

    private static final long serialVersionUID = 1L;

    private final String childRunId;
    private final String cursorKey;

    public ChildFailedException(FlowErrorCode code, String runId, String cursorKey, String childRunId,
            String message) {
        super(code, message, runId, null);
        this.childRunId = childRunId;
        this.cursorKey = cursorKey;
    }

    /** The id of the child run that failed. */
    public String childRunId() {
        return childRunId;
    }

    /** The parent's cursor key of the invoke ({@code invoke:<flow>@<version>}). */
    public String cursorKey() {
        return cursorKey;
    }
}
