package io.iterativeflow.core.spi;

import io.iterativeflow.api.RunInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Durable state of runs. One transaction (one commit) per method. Failures of the database surface as
 * {@code FlowException(STORE_UNAVAILABLE)}.
 */
public interface FlowStore {

    /**
     * Inserts a pending run and its {@code created} event, or returns the run that holds the idempotency key. Joins
     * the calling thread's transaction when the store was given one that is active (see {@link #afterCommit}).
     */
    StartResult createRun(NewRun run);

    /**
     * Claims up to {@code limit} ready runs in one statement ({@code FOR UPDATE SKIP LOCKED}): sets them running,
     * owned by {@code owner} until the lease expires, and increments their attempts. Highest priority first, then
     * earliest due. Loads the history of each claimed run.
     */
    List<ClaimedRun> claim(String owner, int limit, Duration lease);

    /**
     * Like {@link #claim(String, int, Duration)}, but only runs of the listed flows ({@code name@version}): an
     * instance never takes a run whose code it does not have. An empty set claims nothing.
     */
    List<ClaimedRun> claim(String owner, int limit, Duration lease, Set<String> flows);

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

    /** Renews the lease of the listed runs this owner still holds and returns the ids it still holds. */
    Set<UUID> renewLeases(String owner, Collection<UUID> runIds, Duration lease);

    /** Makes runs whose lease expired ready again ({@code lease_expired} event); returns how many. */
    int reclaimExpiredLeases(int limit);

    /** Cancels a run that is not terminal. Empty when there is no such run; false when it was already terminal. */
    Optional<Boolean> cancel(UUID runId, String reason);

    /** The run's row only: status, output and error (cheap, for result polling). */
    Optional<RunState> state(UUID runId);

    /** The run with its steps, timers and events. */
    Optional<RunInfo> details(UUID runId);

    // ---- transactions: bulk and joined starts, exactly-once database steps ----

    /**
     * {@link #createRun} for every run, in one transaction (the caller's, when {@link #createRun} would join it): all
     * are written or none. Results are in the order of {@code runs}; a key taken earlier in the list resolves to that
     * run ({@code created} false).
     */
    List<StartResult> createRuns(List<NewRun> runs);

    /**
     * Runs {@code action} once the writes this thread just made are committed: at once when they committed on their
     * own, after the commit of the caller's transaction when they joined one, never when that transaction rolls back.
     * Wake-ups of the local dispatcher go through here, so a run started in a transaction that rolls back is never
     * looked for.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }

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
