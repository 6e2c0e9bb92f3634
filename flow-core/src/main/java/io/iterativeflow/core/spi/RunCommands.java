package io.iterativeflow.core.spi;

import io.iterativeflow.api.RetryResult;
import java.time.Duration;
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
     * {@link #createRun}, and, when the run is created ready now outside a caller's transaction, claimed by
     * {@code owner} in the same commit: written {@code running} with its lease and first attempt, with its
     * {@code created} and {@code claimed} events, and no ready notification (nobody else needs to look for it). The
     * caller then runs the attempt itself. When the store cannot do both at once (a joined transaction, a delayed
     * start, an idempotency key that found its run, or a database without the statement), the run is only created,
     * as by {@link #createRun}, and the claim is empty.
     */
    default LocalStart createRunClaimed(NewRun run, String owner, Duration lease) {
        return new LocalStart(createRun(run), Optional.empty());
    }

    /** The outcome of {@link #createRunClaimed}: the start, and the run claimed with it when it was. */
    record LocalStart(StartResult start, Optional<ClaimedRun> claimed) {
    }

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
     * {@link #cancel(UUID, String)}, with the caller principal written as the {@code actor} of the {@code canceled}
     * events. This default drops the actor.
     */
    default Optional<Boolean> cancel(UUID runId, String reason, Optional<String> actor) {
        return cancel(runId, reason);
    }

    /**
     * Stores a signal for a run, in one transaction that first locks the run's row: when the run waits for
     * {@code name} the signal is stored as delivered and the run made ready ({@code available_at} = now), both or
     * neither. Nothing is stored for the outcomes other than {@code DELIVERED} and {@code BUFFERED}.
     *
     * @param deliveryId the caller's dedup id; a second signal with it for the same run and name is a duplicate
     */
    SignalDelivery deliverSignal(UUID runId, String name, String payloadJson, Optional<String> deliveryId);

    /**
     * {@link #deliverSignal(UUID, String, String, Optional)}, with the caller principal written as the {@code actor} of
     * the signal's event. This default drops the actor.
     */
    default SignalDelivery deliverSignal(UUID runId, String name, String payloadJson, Optional<String> deliveryId,
            Optional<String> actor) {
        return deliverSignal(runId, name, payloadJson, deliveryId);
    }

    /**
     * {@link #deliverSignal} for each of {@code runIds} (distinct), all in one transaction (the caller's when one is
     * active): every stored signal is committed together, or none. Rows are locked in id order, so two bulk sends
     * never deadlock on each other. Results are in the order of {@code runIds}. A run whose flow
     * {@code payloadFits} refuses (asked with the run's flow name and version) gets {@link SignalDelivery#PAYLOAD_REFUSED} and nothing
     * stored. This default delivers one after the other, each in its own transaction.
     */
    default List<SignalDelivery> deliverSignals(List<UUID> runIds, String name, String payloadJson,
            Optional<String> deliveryId, Optional<String> actor, PayloadFit payloadFits) {
        List<SignalDelivery> results = new java.util.ArrayList<>(runIds.size());
        for (UUID runId : runIds) {
            Optional<RunState> state = state(runId);
            if (state.isPresent() && !payloadFits.fits(runId, state.get().flowName(), state.get().flowVersion())) {
                results.add(SignalDelivery.PAYLOAD_REFUSED);
            } else {
                results.add(deliverSignal(runId, name, payloadJson, deliveryId, actor));
            }
        }
        return results;
    }

    /** Whether a signal's payload fits the declaration of the run's flow version (no database access). */
    @FunctionalInterface
    interface PayloadFit {
        boolean fits(UUID runId, String flowName, int flowVersion);
    }

    /** The run's row only (see {@link RunQueries#state}); here for the default of {@link #deliverSignals}. */
    Optional<RunState> state(UUID runId);

    /**
     * Makes a failed run ready again in one statement: status {@code pending}, error cleared, attempt budget reset
     * ({@code suspensions = attempts}, so {@code attempts} keeps growing and old fences stay invalid), its trailing
     * failed steps and their retry timers deleted, and a {@code retried} event. Guarded on {@code status = 'failed'},
     * so of concurrent retries exactly one wins.
     */
    RetryResult retry(UUID runId);

    /** {@link #retry(UUID)}, with the caller principal written as the {@code actor} of the {@code retried} event. */
    default RetryResult retry(UUID runId, Optional<String> actor) {
        return retry(runId);
    }
}
