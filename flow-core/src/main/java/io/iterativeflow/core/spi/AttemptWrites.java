package io.iterativeflow.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The writes of an attempt that owns its run, each fenced by the attempt's {@link Fence}: a write that finds
 * another owner, or none, changes nothing and says so ({@code LEASE_LOST}). Part of {@link FlowStore}.
 */
public interface AttemptWrites {

    /** Records a step result once ({@code ON CONFLICT DO NOTHING}), renews the lease, writes an event. */
    RecordedStep recordStep(Fence fence, StepCompletion completion);

    /** Records a failed try of a step; see {@link StepFailure}. */
    WriteOutcome recordStepFailure(Fence fence, StepFailure failure);

    /**
     * Records a timer (if it is not recorded yet) and suspends the run until it is due: status {@code sleeping},
     * {@code available_at} = due time, lease released. Returns the timer's due time as recorded.
     *
     * @param dueAt an absolute due time, or empty to use the database time plus {@code fromNow}
     */
    Optional<Instant> suspendForTimer(Fence fence, String cursorKey, String kind, Optional<Instant> dueAt,
            Duration fromNow);

    /** Completes the run with its output. */
    WriteOutcome complete(Fence fence, String outputJson);

    /** Fails the run. */
    WriteOutcome fail(Fence fence, String errorCode, String errorMessage);

    /**
     * Gives the run back without failing it (engine shutdown): status {@code pending}, ready now, lease cleared. The
     * attempt counter keeps its value.
     */
    WriteOutcome release(Fence fence, String reason);

    /**
     * A parent's invoke, in one transaction: with the parent fenced and locked, finds the child recorded at
     * {@code cursorKey} (or adopts the parentless run holding {@code child}'s idempotency key); if there is none,
     * checks {@code maxDepth} (the parent's depth + 1) and {@code maxChildren}, then inserts {@code child} as a pending
     * run. When the child has not ended, the parent is suspended ({@code awaiting_child}) until the child's terminal
     * transition wakes it. An ended child is reported ({@code ENDED}) and nothing changes.
     */
    ChildOutcome invokeChild(Fence parent, String cursorKey, NewRun child, int maxDepth, int maxChildren);

    /**
     * Resolves the signal wait at {@code cursorKey}, in one fenced transaction that first locks the run's row: the
     * oldest stored signal for {@code name} is consumed and recorded as a step of kind {@code signal}; else, when the
     * wait's {@code signal_timeout} timer is due, the wait is recorded as failed ({@code SIGNAL_TIMEOUT}); else the
     * run is suspended ({@code awaiting_signal}) until a signal or the timeout, recording the timer once.
     *
     * @param position the history position of the record
     * @param timeout the wait's timeout, measured from the first time it is armed
     */
    SignalWaitOutcome awaitSignal(Fence fence, String cursorKey, String name, int position,
            Optional<Duration> timeout);

    /**
     * Runs a transactional step's try in a new transaction of the store's own (never the caller's): bounds its
     * statements by {@code step.timeout()}, runs {@code work} on the transaction's connection, then records the
     * result it returns in the same transaction and commits. A lost fence, or a step that is already recorded or
     * failed for good, rolls everything back (the work's writes too): {@code LEASE_LOST}, or {@code WRITTEN} with the
     * value recorded earlier.
     *
     * @throws StepWorkFailed when {@code work} threw; the transaction was rolled back
     */
    RecordedStep runTransactionalStep(Fence fence, TransactionalStep step, TransactionalWork work);
}
