package io.iterativeflow.api;

import java.time.Duration;

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
