package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowEvent;
import io.iterativeflow.core.config.InvokeLimits;
import io.iterativeflow.core.spi.ChildOutcome;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.FlowStore;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.RecordedStep;
import io.iterativeflow.core.spi.SignalWaitOutcome;
import io.iterativeflow.core.spi.StepCompletion;
import io.iterativeflow.core.spi.StepFailure;
import io.iterativeflow.core.spi.TransactionalStep;
import io.iterativeflow.core.spi.TransactionalWork;
import io.iterativeflow.core.spi.WriteOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The fenced writes of one attempt. A write that finds the run no longer owned by this attempt aborts the attempt at
 * once ({@link Aborted}); a write that suspends the run ends the attempt ({@link Suspended}).
 */
final class AttemptWrites {

    private final FlowStore store;
    private final FlowClock clock;
    private final Attempt attempt;
    private final EngineParts.WakeScheduler wakes;
    private int position;
    private volatile boolean suspended;
    private String suspendedAt;
    private FlowEvent.RunSuspended.Wait waitingFor;
    private Consumer<String> beforeSuspend = key -> { };
    private Consumer<NewRun> childStarted = child -> { };

    AttemptWrites(FlowStore store, FlowClock clock, Attempt attempt, int recordedEntries,
            EngineParts.WakeScheduler wakes) {
        this.store = store;
        this.wakes = wakes;
        this.clock = clock;
        this.attempt = attempt;
        this.position = recordedEntries;
    }

    void checkLive() {
        attempt.checkLive();
        if (suspended) {
            throw new Suspended("run already suspended in this attempt");
        }
    }

    boolean suspended() {
        return suspended;
    }

    /** The key of the operation the run waits at, once {@link #suspended()}. */
    String suspendedAt() {
        return suspendedAt;
    }

    /** What the run waits for, once {@link #suspended()}. */
    FlowEvent.RunSuspended.Wait waitingFor() {
        return waitingFor;
    }

    private void suspend(String key, FlowEvent.RunSuspended.Wait wait) {
        suspendedAt = key;
        waitingFor = wait;
        suspended = true;
    }

    Instant clockInstant() {
        return clock.instant();
    }

    /** Records a result once and returns the recorded JSON (the earlier value if one was already recorded). */
    String recordCompletion(String key, String name, String kind, int tries, String json) {
        attempt.checkLive();
        RecordedStep recorded = store.recordStep(attempt.fence(),
                new StepCompletion(key, name, kind, tries, json, position++));
        if (recorded.outcome() == WriteOutcome.LEASE_LOST) {
            throw lost();
        }
        return recorded.resultJson() == null ? json : recorded.resultJson();
    }

    /**
     * Runs one try of a transactional step in the store's transaction that also records its result; returns what is
     * recorded. The position advances only when the try committed.
     */
    RecordedStep runTransactional(String key, String name, int tries, Optional<Duration> timeout,
            TransactionalWork work) {
        attempt.checkLive();
        RecordedStep recorded = store.runTransactionalStep(attempt.fence(),
                new TransactionalStep(key, name, tries, position, timeout), work);
        if (recorded.outcome() == WriteOutcome.LEASE_LOST) {
            throw lost();
        }
        position++;
        return recorded;
    }

    /** Records a failed try that will be retried after {@code delay}, and ends the attempt. */
    void recordRetry(String key, String name, int tries, String code, String message, Duration delay) {
        attempt.checkLive();
        check(store.recordStepFailure(attempt.fence(),
                new StepFailure(key, name, "step", tries, code, message, position++, Optional.of(delay))));
        suspend(key, FlowEvent.RunSuspended.Wait.RETRY);
        wakes.wakeAt(clock.instant().plus(delay));
        throw new Suspended("step '" + key + "' retries in " + delay);
    }

    /** Records a failure for good; the body goes on and decides. */
    void recordFailure(String key, String name, int tries, String code, String message) {
        recordFailure(key, name, "step", tries, code, message);
    }

    /** {@link #recordFailure(String, String, int, String, String)} of an entry of another kind. */
    void recordFailure(String key, String name, String kind, int tries, String code, String message) {
        attempt.checkLive();
        check(store.recordStepFailure(attempt.fence(),
                new StepFailure(key, name, kind, tries, code, message, position++, Optional.empty())));
    }

    /**
     * Starts (or finds) the child run at {@code key}. Returns only when the child had already ended or the invoke was
     * refused; when the parent now waits for the child, ends the attempt ({@link Suspended}).
     */
    ChildOutcome invokeChild(String key, NewRun child, InvokeLimits limits) {
        attempt.checkLive();
        ChildOutcome outcome = store.invokeChild(attempt.fence(), key, child, limits.maxDepth(),
                limits.maxChildrenPerRun());
        switch (outcome.kind()) {
            case LEASE_LOST -> throw lost();
            case WAITING -> {
                if (child.id().equals(outcome.childRunId())) {
                    childStarted.accept(child); // created by this call, not found or adopted
                }
                suspend(key, FlowEvent.RunSuspended.Wait.CHILD);
                wakes.wakeAt(clock.instant());
                throw new Suspended("waiting for child run " + outcome.childRunId());
            }
            default -> {
                return outcome;
            }
        }
    }

    /** Told of each child run this attempt created (committed), so children count as started runs. */
    void onChildStarted(Consumer<NewRun> listener) {
        this.childStarted = listener;
    }

    /** A check run before each suspension for a timer, with the timer's key; it may throw to stop the suspension. */
    void beforeSuspend(Consumer<String> check) {
        this.beforeSuspend = check;
    }

    void suspendForTimer(String key, Optional<Instant> dueAt, Duration fromNow) {
        attempt.checkLive();
        beforeSuspend.accept(key);
        Optional<Instant> due = store.suspendForTimer(attempt.fence(), key, "sleep", dueAt, fromNow);
        if (due.isEmpty()) {
            throw lost();
        }
        suspend(key, FlowEvent.RunSuspended.Wait.SLEEP);
        wakes.wakeAt(due.get());
        throw new Suspended("sleeping until " + due.get());
    }

    /** Consumes a signal or records the wait's timeout; when neither is possible the run waits and this throws. */
    SignalWaitOutcome awaitSignal(String key, String name, Optional<Duration> timeout) {
        attempt.checkLive();
        SignalWaitOutcome outcome = store.awaitSignal(attempt.fence(), key, name, position++, timeout);
        if (outcome.kind() == SignalWaitOutcome.Kind.LEASE_LOST) {
            throw lost();
        }
        if (outcome.kind() == SignalWaitOutcome.Kind.WAITING) {
            suspend(key, FlowEvent.RunSuspended.Wait.SIGNAL);
            outcome.timeoutAt().ifPresent(wakes::wakeAt);
            throw new Suspended("waiting for signal '" + key + "'");
        }
        return outcome;
    }

    private void check(WriteOutcome outcome) {
        if (outcome == WriteOutcome.LEASE_LOST) {
            throw lost();
        }
    }

    private Aborted lost() {
        attempt.abort("lease lost");
        return new Aborted("run " + attempt.fence().runId() + " is no longer owned by attempt "
                + attempt.fence().attempt());
    }
}
