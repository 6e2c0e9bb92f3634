package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.core.spi.WriteOutcome;
import java.time.Duration;

/**
 * {@code recordStepFailure}'s write, committed on its own. With a retry delay: the step is {@code retrying}, a
 * {@code retry} timer ({@link StepFailures#retryTimerKey}) is written and the run waits ({@code retrying}, lease
 * released). Without: the step is {@code failed} for good and the run keeps running (lease renewed by
 * {@code lease}). Never over a completed record. {@link PgStepFailure} is one auto-committed statement,
 * {@link H2StepFailure} several in a transaction it asks for.
 */
interface StepFailureStatement {

    WriteOutcome record(Transactions tx, FlowClock clock, Fence fence, StepFailure failure, Duration lease);
}
