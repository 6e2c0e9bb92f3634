package io.iterativeflow.core.engine;

import io.iterativeflow.api.CronSchedule;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowListener;
import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.config.VersionSettings;
import io.iterativeflow.core.config.ListenSettings;
import io.iterativeflow.core.json.JsonCodec;
import io.iterativeflow.core.json.JsonbCodec;
import io.iterativeflow.core.registry.FlowRegistry;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.FlowLimit;
import io.iterativeflow.core.spi.FlowStore;
import io.iterativeflow.core.spi.FlowTracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Assembles an {@link Engine}. Inside a container, pass the container's managed executors; outside, the builder
 * creates plain ones and the engine shuts them down when it stops.
 */
public final class EngineBuilder {

    private FlowStore store;
    private JsonCodec codec;
    private FlowClock clock = FlowClock.SYSTEM;
    private EngineSettings settings = EngineSettings.defaults();
    private VersionSettings versions = VersionSettings.defaults();
    private ListenSettings listen = ListenSettings.defaults();
    private ThreadFactory listenerThreads;
    private ExecutorService workers;
    private boolean localStarts = true;
    private ScheduledExecutorService scheduler;
    private String instanceId;
    private PayloadCheck payloadCheck = PayloadCheck.NONE;
    private InputCheck inputCheck = InputCheck.NONE;
    private FlowTracer tracer;
    private Callers callers = Callers.NONE;
    private final List<FlowDefinition<?, ?>> definitions = new ArrayList<>();
    private final List<Class<?>> sources = new ArrayList<>();
    private final List<FlowListener> listeners = new ArrayList<>();
    private final List<CronSchedule> schedules = new ArrayList<>();
    private final Map<String, FlowLimit> limitOverrides = new HashMap<>();

    EngineBuilder() {
    }

    public EngineBuilder store(FlowStore store) {
        this.store = Objects.requireNonNull(store, "store");
        return this;
    }

    public EngineBuilder codec(JsonCodec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
        return this;
    }

    public EngineBuilder clock(FlowClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    public EngineBuilder settings(EngineSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** How runs of flow versions that are no longer deployed are treated. */
    public EngineBuilder versions(VersionSettings versions) {
        this.versions = Objects.requireNonNull(versions, "versions");
        return this;
    }

    /** The database listener; on by default when the store sends notifications. */
    public EngineBuilder listen(ListenSettings listen) {
        this.listen = Objects.requireNonNull(listen, "listen");
        return this;
    }

    /** Makes the listener's one long-lived thread (a container's managed thread factory); default a plain thread. */
    public EngineBuilder listenerThreads(ThreadFactory threads) {
        this.listenerThreads = Objects.requireNonNull(threads, "threads");
        return this;
    }

    /** Threads for flow bodies and timed steps; not shut down by the engine. */
    public EngineBuilder workers(ExecutorService workers) {
        this.workers = Objects.requireNonNull(workers, "workers");
        return this;
    }

    /**
     * Whether a run started on this instance while a worker is free is created claimed and runs here at once (the
     * default), or always waits in the queue for a claim round, as a tool that drives every claim itself needs.
     */
    public EngineBuilder localStarts(boolean enabled) {
        this.localStarts = enabled;
        return this;
    }

    /** Threads for polling, heartbeats and sweeps; not shut down by the engine. */
    public EngineBuilder scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /** This instance's name in leases; unique per running instance. Defaults to a random id. */
    public EngineBuilder instanceId(String instanceId) {
        if (instanceId == null || instanceId.isBlank() || instanceId.length() > 200) {
            throw new IllegalArgumentException("instance id must be 1 to 200 characters, got '" + instanceId + "'");
        }
        this.instanceId = instanceId;
        return this;
    }

    /**
     * Validates run inputs (at {@code start}, {@code startAll} and a child's invoke) and signal payloads whose
     * declared type ({@code @FlowSignal}, {@code Builder.signal}) carries Bean Validation constraints, before anything
     * is written. Without one, inputs are not validated and payloads are only checked against the declared type.
     */
    public EngineBuilder validator(jakarta.validation.Validator validator) {
        BeanValidationCheck check = new BeanValidationCheck(Objects.requireNonNull(validator, "validator"));
        this.payloadCheck = check;
        this.inputCheck = check;
        return this;
    }

    /**
     * Traces runs: spans for attempts and steps, and the caller's trace context stored with each run it starts. Null
     * (the default) turns tracing off: the engine then calls no tracer and keeps no trace context.
     */
    public EngineBuilder tracer(FlowTracer tracer) {
        this.tracer = tracer;
        return this;
    }

    /**
     * Where the caller's identity comes from: the name of the principal calling {@code start}, {@code startAll},
     * {@code signal}, {@code signalAll}, {@code cancel} or {@code retry} on this thread, or empty for none (anonymous).
     * It is recorded with the run ({@code startedBy}) or the action's event ({@code actor}). The CDI integration
     * supplies the container's caller principal; without a source, nothing is recorded. Names longer than 255
     * characters are cut to 255.
     */
    public EngineBuilder identity(Supplier<Optional<String>> callerName) {
        this.callers = new Callers(Objects.requireNonNull(callerName, "callerName"));
        return this;
    }

    /** Deploys a flow. {@code source} is the {@code @Flow} class that defined it, or null. */
    public EngineBuilder flow(FlowDefinition<?, ?> definition, Class<?> source) {
        definitions.add(Objects.requireNonNull(definition, "definition"));
        sources.add(source);
        return this;
    }

    public EngineBuilder flow(FlowDefinition<?, ?> definition) {
        return flow(definition, null);
    }

    /** Adds a listener; see {@link FlowListener} for how the engine isolates it. */
    public EngineBuilder listener(FlowListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Sets the limits of the flow named {@code flowName} (all versions), replacing those its definitions declare
     * ({@link FlowDefinition.Builder#maxConcurrency}, {@link FlowDefinition.Builder#rateLimit}); the configuration's
     * {@code flow.flows.<name>.*} keys arrive here. {@link FlowLimit} with zeros removes the definitions' limits.
     */
    public EngineBuilder flowLimit(String flowName, FlowLimit limit) {
        limitOverrides.put(FlowDefinition.checkName(flowName), Objects.requireNonNull(limit, "limit"));
        return this;
    }

    /** Starts runs of a deployed flow on a cron schedule; checked by {@link #build()}. */
    public EngineBuilder schedule(CronSchedule schedule) {
        schedules.add(Objects.requireNonNull(schedule, "schedule"));
        return this;
    }

    /** @throws FlowException {@code FLOW_INVALID} or {@code CONFIG_INVALID} listing every problem */
    public Engine build() {
        if (store == null) {
            throw new IllegalStateException("an engine needs a store");
        }
        List<String> problems = new ArrayList<>(settings.problems());
        problems.addAll(versions.problems());
        problems.addAll(listen.problems());
        if (!problems.isEmpty()) {
            throw new FlowException(FlowErrorCode.CONFIG_INVALID, String.join("; ", problems));
        }
        FlowRegistry registry = new FlowRegistry(limitOverrides);
        List<String> flowProblems = registry.registerAll(definitions, sources);
        if (!flowProblems.isEmpty()) {
            throw new FlowException(FlowErrorCode.FLOW_INVALID, String.join("; ", flowProblems));
        }
        List<ExecutorService> owned = new ArrayList<>();
        String id = instanceId != null ? instanceId : "flow-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService work = workers != null ? workers : own(owned, Executors.newCachedThreadPool(threads(id, "worker")));
        ScheduledExecutorService sched = scheduler != null ? scheduler
                : own(owned, Executors.newScheduledThreadPool(2, threads(id, "scheduler")));
        List<ScheduledFlow> scheduled = ScheduledFlow.resolve(schedules, registry);
        Lifecycle[] lifecycle = new Lifecycle[1];
        EngineParts parts = new EngineParts(id, InterruptShield.wrap(store), codec != null ? codec : new JsonbCodec(), clock, settings,
                registry, new InFlight(), new Completions(work, sched, settings.pollInterval()), new StepInvoker(work),
                due -> lifecycle[0].wakeIn(Duration.between(clock.instant(), due).toMillis()), versions,
                new Listeners(listeners), inputCheck, tracer, new Outage(), callers);
        Dispatcher dispatcher = new Dispatcher(parts, new AttemptRunner(parts), work, sched, localStarts);
        Engine[] engine = new Engine[1];
        CronTicker ticker = new CronTicker(parts, scheduled, definition -> new Handle<>(definition, parts,
                dispatcher, engine[0]));
        lifecycle[0] = new Lifecycle(parts, dispatcher, sched, owned, ticker);
        engine[0] = new Engine(parts, dispatcher, lifecycle[0], payloadCheck, new Wakeups(parts, dispatcher::wake,
                listen, listenerThreads != null ? listenerThreads : threads(id, "listener")));
        return engine[0];
    }

    private static <T extends ExecutorService> T own(List<ExecutorService> owned, T executor) {
        owned.add(executor);
        return executor;
    }

    private static ThreadFactory threads(String instance, String role) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, instance + "-" + role + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
