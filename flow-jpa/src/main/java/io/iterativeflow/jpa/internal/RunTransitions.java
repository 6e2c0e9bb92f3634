package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.WriteOutcome;

/**
 * The fenced transitions that end an attempt: complete, fail, release ({@link TransitionStatements}). Each applies
 * only while the attempt still owns a running run, so a terminal status is never left.
 */
public final class RunTransitions {

    private final Transactions tx;
    private final FlowClock clock;
    private final TransitionStatements statements;

    public RunTransitions(Transactions tx, FlowClock clock, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.statements = database.transitions;
    }

    public WriteOutcome complete(Fence fence, String outputJson) {
        return statements.complete(tx, clock, fence, outputJson);
    }

    public WriteOutcome fail(Fence fence, String errorCode, String errorMessage) {
        return statements.fail(tx, clock, fence, errorCode, errorMessage);
    }

    public WriteOutcome release(Fence fence, String reason) {
        return statements.release(tx, clock, fence, reason);
    }
}
