package io.iterativeflow.api;

import java.util.Locale;

/** Where a run is. {@code COMPLETED}, {@code FAILED} and {@code CANCELED} are terminal: nothing moves a run out. */
public enum RunStatus {
    PENDING,
    RUNNING,
    SLEEPING,
    AWAITING_SIGNAL,
    /** Waiting for a child run ({@link FlowContext#invoke}) to end. */
    AWAITING_CHILD,
    RETRYING,
    COMPLETED,
    FAILED,
    CANCELED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }

    /** The lower-case name stored in the database and shown over HTTP. */
    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stored or user-supplied status name; unknown names fail with {@code ARGUMENT_INVALID}. */
    public static RunStatus fromDbName(String name) {
        if (name != null) {
            for (RunStatus status : values()) {
                if (status.dbName().equalsIgnoreCase(name.trim())) {
                    return status;
                }
            }
        }
        throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "unknown run status '" + name
                + "'; use one of pending, running, sleeping, awaiting_signal, awaiting_child, retrying, completed, failed, canceled");
    }
}
