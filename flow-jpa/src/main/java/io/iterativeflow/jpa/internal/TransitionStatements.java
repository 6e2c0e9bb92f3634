package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.WriteOutcome;

/**
 * The fenced transitions that end an attempt, each committed on its own with its event; a child's terminal
 * transition also wakes its waiting parent. {@link PgTransitions}: one auto-committed statement each;
 * {@link H2Transitions}: several in a transaction they ask for.
 */
interface TransitionStatements {

    WriteOutcome complete(Transactions tx, FlowClock clock, Fence fence, String outputJson);

    WriteOutcome fail(Transactions tx, FlowClock clock, Fence fence, String errorCode, String errorMessage);

    /** A release is a clean ending: it counts as a suspension, so shutdowns never use up max-run-attempts. */
    WriteOutcome release(Transactions tx, FlowClock clock, Fence fence, String reason);
}
