package io.iterativeflow.core.spi;

import io.iterativeflow.api.RetryResult;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunSummary;
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

    /**
     * Renews the lease of the listed runs this owner still holds, without waiting for a row lock another transaction
     * holds: such runs are reported busy (and still held) rather than renewed.
     */
    LeaseRenewal renewLeases(String owner, Collection<UUID> runIds, Duration lease);

    /** Makes runs whose lease expired ready again ({@code lease_expired} event); returns how many. */
    int reclaimExpiredLeases(int limit);

    /** Cancels a run that is not terminal. Empty when there is no such run; false when it was already terminal. */
    Optional<Boolean> cancel(UUID runId, String reason);

    /** The run's row only: status, output and error (cheap, for result polling). */
    Optional<RunState> state(UUID runId);

    /** The run with its steps, timers and events. */
    Optional<RunInfo> details(UUID runId);

    // ---- child runs ----

    /**
     * A parent's invoke, in one transaction: with the parent fenced and locked, finds the child recorded at
     * {@code cursorKey} (or adopts the parentless run holding {@code child}'s idempotency key); if there is none,
     * checks {@code maxDepth} (the parent's depth + 1) and {@code maxChildren}, then inserts {@code child} as a pending
     * run. When the child has not ended, the parent is suspended ({@code awaiting_child}) until the child's terminal
     * transition wakes it. An ended child is reported ({@code ENDED}) and nothing changes.
     */
    ChildOutcome invokeChild(Fence parent, String cursorKey, NewRun child, int maxDepth, int maxChildren);

    /**
     * The reconciler's safety net: wakes up to {@code limit} parents that still wait for a child that has ended
     * (normally the child's terminal transition wakes its parent in the same statement). Returns how many.
     */
    int wakeParentsOfEndedChildren(int limit);

    // Listing and retention

    /**
     * Up to {@code limit} summaries of runs matching the filters of {@code query} (its own limit and cursor are not
     * read), ordered by {@code created_at} then {@code id}, both descending, and strictly after {@code after} in that
     * order when it is present. Keyset paging: the cost does not grow with the depth of the page.
     */
    List<RunSummary> listRuns(RunQuery query, Optional<RunPosition> after, int limit);

    /**
     * Deletes up to {@code limit} terminal runs whose {@code finished_at} is older than {@code olderThan} (database
     * time), with everything recorded about them; rows that another transaction holds locked are skipped, not waited
     * for. One short transaction. Returns how many runs it deleted.
     */
    int pruneRuns(Duration olderThan, int limit);

    /** Deletes up to {@code limit} events older than {@code olderThan}, like {@link #pruneRuns}. Returns how many. */
    int pruneEvents(Duration olderThan, int limit);

    // ---- signals ----

    /**
     * Stores a signal for a run, in one transaction that first locks the run's row: when the run waits for
     * {@code name} the signal is stored as delivered and the run made ready ({@code available_at} = now), both or
     * neither. Nothing is stored for the outcomes other than {@code DELIVERED} and {@code BUFFERED}.
     *
     * @param deliveryId the caller's dedup id; a second signal with it for the same run and name is a duplicate
     */
    SignalDelivery deliverSignal(UUID runId, String name, String payloadJson, Optional<String> deliveryId);

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
    // --- evolution of flow code: retry, runs of undeployed versions, the deployment's replay check ---

    /**
     * Makes a failed run ready again in one statement: status {@code pending}, error cleared, attempt budget reset
     * ({@code suspensions = attempts}, so {@code attempts} keeps growing and old fences stay invalid), its trailing
     * failed steps and their retry timers deleted, and a {@code retried} event. Guarded on {@code status = 'failed'},
     * so of concurrent retries exactly one wins.
     */
    RetryResult retry(UUID runId);

    /**
     * Fails, with {@code FLOW_UNKNOWN}, up to {@code limit} runs of the flows {@code names} that have been ready for
     * longer than {@code grace} while their version is not among {@code deployed} ({@code name@version}). Returns
     * how many.
     */
    int failUndeployed(Set<String> names, Set<String> deployed, Duration grace, int limit);

    /** Counts the runs of the flows {@code names} that wait (not running, not terminal) on a version not deployed. */
    long countWaitingForVersion(Set<String> names, Set<String> deployed);

    /**
     * One page of the runs of the flows {@code names} that are not terminal, by ascending id, starting after
     * {@code after} (exclusive) when given.
     */
    List<InFlightRun> inFlightRuns(Set<String> names, Optional<UUID> after, int limit);

    /** The keys a run recorded: its steps in history order, then its sleep timers. */
    List<RecordedKey> recordedKeys(UUID runId);

    /** The store's database notifications, if it sends them; empty by default (the engine then only polls). */
    default Optional<Notifications> notifications() {
        return Optional.empty();
    }

    // --- operations: schedules, health, metrics ---

    /**
     * The newest run (by creation) of flow {@code flowName} whose idempotency key starts with {@code keyPrefix}; the
     * schedules find their last tick and an unfinished earlier tick with it.
     */
    Optional<KeyedRun> latestRunWithKeyPrefix(String flowName, String keyPrefix);

    /** Counts ready and running runs and the age of the oldest ready one (one read-only statement). */
    QueueStats queueStats();

    /** The schema version the database is at (its newest applied migration); answering proves it is reachable. */
    String schemaVersion();

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
