package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.RecordedStep;
import io.iterativeflow.core.spi.StepCompletion;
import java.time.Duration;

/**
 * {@code recordStep}'s write, committed on its own: fence the attempt (renewing its lease by {@code lease}), record
 * the result once, write the event. A completed record is never overwritten; the recorded value is returned instead
 * ({@link StepWrites#recorded}). {@link PgStepRecord} is one auto-committed statement, {@link H2StepRecord} several
 * in a transaction it asks for.
 */
interface StepRecordStatement {

    RecordedStep record(Transactions tx, FlowClock clock, Fence fence, StepCompletion step, Duration lease);
}
