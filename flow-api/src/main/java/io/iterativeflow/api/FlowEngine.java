package io.iterativeflow.api;

import java.time.Duration;
import java.util.List;

/** The engine: typed handles to deployed flows, and operations on any run by its id. Inject it with CDI. */
public interface FlowEngine {

    /** A handle for the {@link Flow}-annotated class; fails with {@code FLOW_UNKNOWN} if it is not deployed. */
    <I, O> FlowHandle<I, O> flow(Class<? extends FlowBody<I, O>> flowClass);

    /** A handle for a flow defined with {@link FlowDefinition#builder}. */
    <I, O> FlowHandle<I, O> flow(FlowDefinition<I, O> definition);

    /** A handle by name, typed by the caller; the types must match the deployed flow's. */
    <I, O> FlowHandle<I, O> flow(String name, Class<I> inputType, Class<O> outputType);

    /** The run with its steps, timers and events; {@code RUN_NOT_FOUND} if there is none. */
    RunInfo status(String runId);

    /**
     * Cancels a run that is not yet terminal, wherever it runs; a running step is interrupted. Returns false when the
     * run was already terminal (then nothing changes).
     */
    boolean cancel(String runId, String reason);

    /**
     * The newest deployed version of the flow called {@code name}, with its input and output types: what a generic
     * client (such as the REST module) needs to read an input for it. {@code FLOW_UNKNOWN} when none is deployed.
     */
    FlowDefinition<?, ?> definition(String name);

    /**
     * One page of runs matching {@code query}, newest first (keyset paging: a page costs the same at any depth).
     * Fails with {@code ARGUMENT_INVALID} when the query's cursor was altered or is not a cursor of this engine.
     */
    RunPage listRuns(RunQuery query);

    /**
     * Deletes terminal runs (completed, failed, canceled) that finished longer ago than {@code olderThan}, with their
     * steps, timers, signals and events, in short batches. Runs that are not terminal are never deleted. Returns how
     * many runs were deleted.
     */
    long pruneRuns(Duration olderThan);

    /** Deletes audit events older than {@code olderThan}, in short batches; runs stay. Returns how many. */
    long pruneEvents(Duration olderThan);

    /**
     * Sends the signal {@code name} with {@code payload} to a run: {@code Delivered} when the run waited for it (it
     * is ready to go on), {@code Buffered} when it does not wait yet, {@code Expired} when it is finished or its wait
     * for the name timed out, {@code InvalidPayload} when the payload breaks the flow's declaration. The signal and
     * the run's wake-up are stored in one transaction, or not at all.
     *
     * @throws FlowException {@code RUN_NOT_FOUND} for an unknown run, {@code ARGUMENT_INVALID} for a bad name,
     *     {@code SIGNAL_PAYLOAD_TOO_LARGE} for a payload over {@code flow.limits.max-signal-payload-bytes}
     */
    default SignalDeliveryResult signal(String runId, String name, Object payload) {
        return signal(runId, name, payload, SignalSendOptions.none());
    }

    /** As {@link #signal(String, String, Object)}; with a delivery id, a repeated send reports {@code Duplicate}. */
    SignalDeliveryResult signal(String runId, String name, Object payload, SignalSendOptions options);

    /**
     * Sends the signal {@code name} with {@code payload} to each of {@code runIds} in one transaction, and answers
     * per run, in the order of {@code runIds}: the run's {@link SignalDeliveryResult} as {@link #signal} gives it, or
     * no delivery when there is no such run. A finished or unknown run does not fail the others. The request is
     * checked before anything is written.
     *
     * @throws FlowException {@code ARGUMENT_INVALID} for an empty list, more than {@value #MAX_BULK_SIGNAL_RUNS}
     *     ids, a null, malformed or repeated id or a bad name; {@code SIGNAL_PAYLOAD_TOO_LARGE} as {@link #signal}
     */
    default List<RunSignalResult> signalAll(List<String> runIds, String name, Object payload) {
        return signalAll(runIds, name, payload, SignalSendOptions.none());
    }

    /**
     * As {@link #signalAll(List, String, Object)}; a delivery id applies to each run on its own (a repeated bulk send
     * reports {@code Duplicate} for the runs that already have it). This default sends one signal after the other;
     * the engine overrides it with one transaction.
     */
    default List<RunSignalResult> signalAll(List<String> runIds, String name, Object payload,
            SignalSendOptions options) {
        if (runIds == null || runIds.isEmpty() || runIds.size() > MAX_BULK_SIGNAL_RUNS) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "signalAll needs 1 to " + MAX_BULK_SIGNAL_RUNS
                    + " run ids; split a longer list");
        }
        if (runIds.stream().anyMatch(java.util.Objects::isNull) || new java.util.HashSet<>(runIds).size()
                != runIds.size()) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the run ids of signalAll must not be null or"
                    + " repeated; remove them from the list");
        }
        List<RunSignalResult> results = new java.util.ArrayList<>(runIds.size());
        for (String runId : runIds) {
            try {
                results.add(new RunSignalResult(runId, java.util.Optional.of(signal(runId, name, payload, options))));
            } catch (FlowException e) {
                if (e.code() != FlowErrorCode.RUN_NOT_FOUND) {
                    throw e;
                }
                results.add(new RunSignalResult(runId, java.util.Optional.empty()));
            }
        }
        return List.copyOf(results);
    }

    /** The most run ids one {@link #signalAll} call takes. */
    int MAX_BULK_SIGNAL_RUNS = 1000;

    /**
     * A handle for one version of a flow, typed by the caller; {@code FLOW_UNKNOWN} (naming the deployed versions)
     * when that version is not deployed. {@link #flow(String, Class, Class)} takes the newest version instead.
     */
    <I, O> FlowHandle<I, O> flow(String name, int version, Class<I> inputType, Class<O> outputType);

    /**
     * Retries a failed run: its trailing failed steps (the failure that ended it, with their retry timers) are
     * cleared, its attempt budget ({@code flow.max-run-attempts}) starts over, and it becomes ready at once on the
     * version it started on; steps recorded as completed are kept and never run again. An audit event
     * {@code retried} records it. Of concurrent retries of one run exactly one returns {@code Retried}.
     *
     * @return {@code Retried}, {@code NotFailed} (with the run's status) or {@code NotFound}
     */
    RetryResult retry(String runId);
}
