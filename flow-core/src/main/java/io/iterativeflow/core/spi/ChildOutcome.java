package io.iterativeflow.core.spi;

import java.util.UUID;

/**
 * What {@link FlowStore#invokeChild} found or did for a parent's invoke.
 *
 * @param kind what happened
 * @param childRunId the child run, when there is one
 * @param childStatus the child's status when it had already ended ({@code completed}, {@code failed},
 *     {@code canceled}); else null
 * @param outputJson the ended child's output
 * @param errorCode the ended child's error code
 * @param errorMessage the ended child's error message
 */
public record ChildOutcome(Kind kind, UUID childRunId, String childStatus, String outputJson, String errorCode,
        String errorMessage) {

    public enum Kind {
        /** The parent no longer owns the run: nothing was written. */
        LEASE_LOST,
        /** The child was started (or found running) and the parent now waits for it. */
        WAITING,
        /** The child had already ended; the parent goes on and records the outcome. */
        ENDED,
        /** A new child would be deeper than allowed; nothing was written. */
        DEPTH_EXCEEDED,
        /** The parent already has as many children as allowed; nothing was written. */
        FANOUT_EXCEEDED,
        /** The child's idempotency key is held by another parent's child; nothing was written. */
        KEY_TAKEN
    }

    public static ChildOutcome of(Kind kind) {
        return new ChildOutcome(kind, null, null, null, null, null);
    }

    public boolean completed() {
        return "completed".equals(childStatus);
    }
}
