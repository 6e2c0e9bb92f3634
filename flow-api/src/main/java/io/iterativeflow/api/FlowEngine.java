package io.iterativeflow.api;

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
