package io.iterativeflow.api;

import java.util.Objects;
import java.util.Optional;

/** The root of every failure the engine reports. The {@link #code()} is stable; the message says what to do. */
public class FlowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FlowErrorCode code;
    private final String runId;

    public FlowException(FlowErrorCode code, String message) {
        this(code, message, null, null);
    }

    public FlowException(FlowErrorCode code, String message, Throwable cause) {
        this(code, message, null, cause);
    }

    public FlowException(FlowErrorCode code, String message, String runId, Throwable cause) {
        super("[" + Objects.requireNonNull(code, "code") + "] " + message, cause);
        this.code = code;
        this.runId = runId;
    }

    public FlowErrorCode code() {
        return code;
    }

    /** The run this failure belongs to, when there is one. */
    public Optional<String> runId() {
        return Optional.ofNullable(runId);
    }
}
