package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.core.spi.WriteOutcome;

/**
 * {@code recordStepFailure}, one fenced write either way ({@link StepFailureStatement}). With a retry delay the run
 * waits for a {@code retry} timer; without, the step is {@code failed} for good and the run keeps running.
 */
public final class StepFailures {

    private final Transactions tx;
    private final FlowClock clock;
    private final Leases leases;
    private final StepFailureStatement statement;

    public StepFailures(Transactions tx, FlowClock clock, Leases leases, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
        this.statement = database.stepFailure;
    }

    public WriteOutcome record(Fence fence, StepFailure failure) {
        return statement.record(tx, clock, fence, failure, leases.of(fence.owner()));
    }

    /** One retry timer per try, so every back-off stays in the record. */
    static String retryTimerKey(StepFailure failure) {
        return failure.cursorKey() + "#retry" + failure.attempts();
    }
}
