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
}
