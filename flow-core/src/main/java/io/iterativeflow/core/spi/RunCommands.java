package io.iterativeflow.core.spi;

import io.iterativeflow.api.RetryResult;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What callers do to runs from outside: start them, cancel, signal and retry them. Part of {@link FlowStore}.
 */
public interface RunCommands {

    /**
     * Inserts a pending run and its {@code created} event, or returns the run that holds the idempotency key. Joins
     * the calling thread's transaction when the store was given one that is active (see {@link #afterCommit}).
     */
    StartResult createRun(NewRun run);

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

    /** Cancels a run that is not terminal. Empty when there is no such run; false when it was already terminal. */
    Optional<Boolean> cancel(UUID runId, String reason);

    /**
     * Stores a signal for a run, in one transaction that first locks the run's row: when the run waits for
     * {@code name} the signal is stored as delivered and the run made ready ({@code available_at} = now), both or
     * neither. Nothing is stored for the outcomes other than {@code DELIVERED} and {@code BUFFERED}.
     *
     * @param deliveryId the caller's dedup id; a second signal with it for the same run and name is a duplicate
     */
    SignalDelivery deliverSignal(UUID runId, String name, String payloadJson, Optional<String> deliveryId);

    /**
     * Makes a failed run ready again in one statement: status {@code pending}, error cleared, attempt budget reset
     * ({@code suspensions = attempts}, so {@code attempts} keeps growing and old fences stay invalid), its trailing
     * failed steps and their retry timers deleted, and a {@code retried} event. Guarded on {@code status = 'failed'},
     * so of concurrent retries exactly one wins.
     */
    RetryResult retry(UUID runId);
}
