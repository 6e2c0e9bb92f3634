package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RetryResult;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunPage;
import io.iterativeflow.api.RunQuery;
import io.iterativeflow.api.RunSignalResult;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.api.SignalSendOptions;
import io.iterativeflow.core.config.DryReplaySettings;
import io.iterativeflow.core.registry.FlowRegistry;
import io.iterativeflow.core.spi.ListenerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The engine of one instance. Build it with {@link EngineBuilder}, then {@link #start()} it; {@link #stop()} drains
 * it. Several instances may share one database: they coordinate through row leases only.
 */
public final class Engine implements FlowEngine {

    private static final Logger LOG = Logger.getLogger(Engine.class.getName());

    private final EngineParts parts;
    private final Dispatcher dispatcher;
    private final Lifecycle lifecycle;
    private final RunListing listing;
    private final Retention retention;
    private final Signals signals;
    private final Wakeups wakeups;
    private final EngineProbe probe;

    Engine(EngineParts parts, Dispatcher dispatcher, Lifecycle lifecycle, PayloadCheck payloadCheck,
            Wakeups wakeups) {
        this.parts = parts;
        this.dispatcher = dispatcher;
        this.lifecycle = lifecycle;
        this.listing = new RunListing(parts.store());
        this.retention = new Retention(parts.store(), parts.settings().retention().batchSize());
        this.signals = new Signals(parts, payloadCheck, dispatcher::wake);
        this.wakeups = wakeups;
        this.probe = new EngineProbe(parts, dispatcher::lastRound, lifecycle::startedAt, this::isRunning,
                this::listenerState, this::listenerDisabledBecause);
    }

    public static EngineBuilder builder() {
        return new EngineBuilder();
    }

    /** Starts claiming and running ready runs. Idempotent. */
    public void start() {
        lifecycle.start();
        wakeups.start();
        LOG.info(() -> "iterativeflow engine " + parts.instanceId() + " started with "
                + parts.registry().all().size() + " flow definition(s)");
    }

    /**
     * Stops claiming, waits up to the shutdown timeout for attempts in flight, then gives the runs still in flight
     * back (ready at once, for another instance). Idempotent.
     */
    public void stop() {
        lifecycle.stop();
        wakeups.stop();
    }

    /**
     * Stops at once without writing anything, as a crash would: attempts in flight are abandoned with their leases
     * still set, so another instance takes them over only when the leases expire. For tests and tools.
     */
    public void halt() {
        lifecycle.halt();
        wakeups.stop();
    }

    public boolean isRunning() {
        return lifecycle.isRunning();
    }

    /** The state of the database listener that speeds up wake-ups; polling works in every state. */
    public ListenerState listenerState() {
        return wakeups.state();
    }

    /** When the listener entered its {@link #listenerState() state} (engine time), for health checks. */
    public Instant listenerStateSince() {
        return wakeups.since();
    }

    /** Why the listener is {@link ListenerState#DISABLED} (and what to do about it); empty in every other state. */
    public Optional<String> listenerDisabledBecause() {
        return wakeups.disabledBecause();
    }

    /** Health and queue figures of this instance, for health checks and metrics. */
    public EngineProbe probe() {
        return probe;
    }

    public String instanceId() {
        return parts.instanceId();
    }

    /** How many attempts run on this instance now. */
    public int inFlight() {
        return parts.inFlight().size();
    }

    public FlowRegistry registry() {
        return parts.registry();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I, O> FlowHandle<I, O> flow(Class<? extends FlowBody<I, O>> flowClass) {
        Args.notNull("flow class", flowClass);
        return handle((FlowDefinition<I, O>) parts.registry().forClass(flowClass));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I, O> FlowHandle<I, O> flow(FlowDefinition<I, O> definition) {
        Args.notNull("flow definition", definition);
        Optional<FlowDefinition<?, ?>> deployed = parts.registry().find(definition.name(), definition.version());
        if (deployed.isEmpty()) {
            throw new FlowException(FlowErrorCode.FLOW_UNKNOWN, "flow " + definition + " is not deployed; register"
                    + " it with the engine (produce it as a CDI bean, or pass it to the engine builder)");
        }
        return handle((FlowDefinition<I, O>) deployed.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I, O> FlowHandle<I, O> flow(String name, Class<I> inputType, Class<O> outputType) {
        Args.notNull("flow name", name);
        Args.notNull("input type", inputType);
        Args.notNull("output type", outputType);
        return handle((FlowDefinition<I, O>) Versions.checkTypes(parts.registry().newest(name), inputType,
                outputType));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I, O> FlowHandle<I, O> flow(String name, int version, Class<I> inputType, Class<O> outputType) {
        Args.notNull("flow name", name);
        Args.notNull("input type", inputType);
        Args.notNull("output type", outputType);
        return handle((FlowDefinition<I, O>) new Versions(parts).find(name, version, inputType, outputType));
    }

    @Override
    public RetryResult retry(String runId) {
        RetryResult result = parts.store().retry(Args.runId(runId), parts.callers().current());
        if (result instanceof RetryResult.Retried) {
            LOG.info(() -> "run " + runId + " retried");
            dispatcher.wake();
        }
        return result;
    }

    /**
     * Runs of flows this engine deploys that wait on a version it does not deploy (for health checks): they make no
     * progress here, and fail with {@code FLOW_UNKNOWN} after {@code flow.versions.undeployed-grace}.
     */
    public long runsWaitingForVersion() {
        return new Versions(parts).waitingForVersion();
    }

    @Override
    public FlowDefinition<?, ?> definition(String name) {
        Args.notNull("flow name", name);
        return parts.registry().newest(name);
    }

    @Override
    public RunInfo status(String runId) {
        UUID id = Args.runId(runId);
        return new Versions(parts).flagged(parts.store().details(id).orElseThrow(() -> new FlowException(
                FlowErrorCode.RUN_NOT_FOUND, "no run with id " + runId + "; it never existed or retention removed it",
                runId, null)));
    }

    /**
     * The deployment check of this engine's flows, with dry replays of code flows as {@code dry} says (see
     * {@link ReplayCheck}). Reads only: it writes nothing, runs no step and takes no lease.
     */
    public ReplayCheck replayCheck(DryReplaySettings dry) {
        return new ReplayCheck(parts.store(), parts.registry(), new DryReplay(parts), dry);
    }

    @Override
    public boolean cancel(String runId, String reason) {
        UUID id = Args.runId(runId);
        String why = reason == null || reason.isBlank() ? "canceled" : Texts.check("cancel reason", reason);
        if (why.length() > 1000) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "cancel reason is " + why.length()
                    + " characters long; at most 1000 are allowed");
        }
        Optional<Boolean> canceled = parts.store().cancel(id, why, parts.callers().current());
        if (canceled.isEmpty()) {
            throw new FlowException(FlowErrorCode.RUN_NOT_FOUND, "no run with id " + runId
                    + "; it never existed or retention removed it", runId, null);
        }
        if (canceled.get()) {
            parts.inFlight().abort(id, "run canceled: " + why);
            parts.completions().fire(id);
            RunEvents.canceled(parts, id);
        }
        return canceled.get();
    }

    @Override
    public RunPage listRuns(RunQuery query) {
        return listing.list(query);
    }

    @Override
    public long pruneRuns(Duration olderThan) {
        return retention.pruneRuns(olderThan);
    }

    @Override
    public long pruneEvents(Duration olderThan) {
        return retention.pruneEvents(olderThan);
    }

    @Override
    public SignalDeliveryResult signal(String runId, String name, Object payload, SignalSendOptions options) {
        return signals.deliver(runId, name, payload, options);
    }

    @Override
    public List<RunSignalResult> signalAll(List<String> runIds, String name, Object payload,
            SignalSendOptions options) {
        return signals.deliverAll(runIds, name, payload, options);
    }

    /** Wakes the dispatcher now, e.g. after the application made runs ready by other means. */
    public void wake() {
        dispatcher.wake();
    }

    Duration leaseDuration() {
        return parts.settings().leaseDuration();
    }

    private <I, O> FlowHandle<I, O> handle(FlowDefinition<I, O> definition) {
        return new Handle<>(definition, parts, dispatcher, this);
    }
}
