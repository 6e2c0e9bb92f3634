package io.iterativeflow.test;

import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.SignalDeliveryResult;
import io.iterativeflow.api.StepInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An engine for one test, on a database emptied for it, that does nothing until the test says so. There are no
 * background threads to wait for and no wall-clock time to let pass:
 *
 * <ul>
 *   <li>{@link #runUntilIdle()} runs every run that is ready now (and the runs that makes ready: children, parents,
 *       retries due now) and returns once none is;</li>
 *   <li>the clock is virtual: {@link #advance(Duration)} moves it and runs what became due, so a three-day sleep
 *       passes at once; {@code await...} methods move it to the next due time by themselves;</li>
 *   <li>{@link #crashAfterStep(String)} makes the engine die after a step's work and before its record, so the next
 *       attempt replays.</li>
 * </ul>
 *
 * <p>Get it from {@link FlowTestExtension} (a parameter of a test method in a {@link FlowTest} class). Flows are
 * registered before the first run; the engine is built on first use. Methods that take a run id refuse a null or
 * unknown one with a {@link FlowException}.
 */
public final class TestFlowEnvironment implements AutoCloseable {

    /** The longest stretch of virtual time one {@code await...} call skips before it gives up. */
    public static final Duration MAX_SKIP = Duration.ofDays(3650);

    private final TestStore database;
    private final List<FlowDefinition<?, ?>> definitions = new ArrayList<>();
    private final List<Class<?>> sources = new ArrayList<>();
    private final CrashPlan crashes = new CrashPlan();
    private EngineDriver driver;

    TestFlowEnvironment(TestStore database) {
        this.database = database;
        database.clear();
    }

    /** Adds a {@code @Flow} class: a CDI bean when a container runs in the test, else made by its constructor. */
    public TestFlowEnvironment register(Class<? extends FlowBody<?, ?>> flowClass) {
        notNull("flow class", flowClass);
        return add(AnnotatedFlowClasses.definition(flowClass, FlowInstances.of(flowClass)), flowClass);
    }

    /** Adds a {@code @Flow} instance you made, with the collaborators (fakes) the test gives it. */
    public TestFlowEnvironment register(FlowBody<?, ?> flow) {
        notNull("flow", flow);
        return add(AnnotatedFlowClasses.definition(flow.getClass(), () -> flow), flow.getClass());
    }

    /** Adds a flow defined in code. */
    public TestFlowEnvironment register(FlowDefinition<?, ?> definition) {
        notNull("flow definition", definition);
        return add(definition, null);
    }

    private TestFlowEnvironment add(FlowDefinition<?, ?> definition, Class<?> source) {
        if (driver != null) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "flow " + definition + " is registered after"
                    + " the engine started; register every flow before the first start or run (or list them in"
                    + " @FlowTest(flows = ...))");
        }
        definitions.add(definition);
        sources.add(source);
        return this;
    }

    /** The engine, for everything the kit has no shortcut for; it runs nothing until the test drives it. */
    public FlowEngine engine() {
        return driver().engine();
    }

    /** A handle for a registered {@code @Flow} class; {@code FLOW_UNKNOWN} for one the test did not register. */
    public <I, O> FlowHandle<I, O> flow(Class<? extends FlowBody<I, O>> flowClass) {
        notNull("flow class", flowClass);
        if (!sources.contains(flowClass)) {
            throw new FlowException(FlowErrorCode.FLOW_UNKNOWN, "flow class " + flowClass.getName() + " is not"
                    + " registered with this test; list it in @FlowTest(flows = ...) or call register("
                    + flowClass.getSimpleName() + ".class) before the first run");
        }
        return driver().engine().flow(flowClass);
    }

    /** A handle for a registered flow definition; {@code FLOW_UNKNOWN} for one the test did not register. */
    public <I, O> FlowHandle<I, O> flow(FlowDefinition<I, O> definition) {
        notNull("flow definition", definition);
        if (definitions.stream().noneMatch(d -> d.name().equals(definition.name())
                && d.version() == definition.version())) {
            throw new FlowException(FlowErrorCode.FLOW_UNKNOWN, "flow " + definition + " is not registered with"
                    + " this test; call register(definition) before the first run");
        }
        return driver().engine().flow(definition);
    }

    /** Starts a run of a registered flow, runs until idle, and returns the run's id. */
    public <I> String start(Class<? extends FlowBody<I, ?>> flowClass, I input) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        FlowHandle<I, ?> handle = flow((Class) flowClass);
        String runId = handle.start(input);
        runUntilIdle();
        return runId;
    }

    /**
     * Runs every run that is ready now, and those that this makes ready, one attempt at a time on the engine's
     * worker thread, until a round finds nothing ready; then returns how many attempts ran. Time does not move:
     * sleeps and back-offs that are not due stay as they are.
     */
    public int runUntilIdle() {
        return driver().runUntilIdle();
    }

    /**
     * Moves the virtual clock forward by {@code amount}, then runs what became due ({@link #runUntilIdle()}).
     *
     * @throws FlowException {@code ARGUMENT_INVALID} for a null or negative amount: the clock never goes back
     */
    public TestFlowEnvironment advance(Duration amount) {
        database.clock().advance(amount);
        runUntilIdle();
        return this;
    }

    /** The engine's time: the real time plus every {@link #advance(Duration)} so far. */
    public Instant now() {
        return database.clock().instant();
    }

    /** Sends a signal to a run ({@link FlowEngine#signal}), then runs until idle; returns the delivery result. */
    public SignalDeliveryResult signal(String runId, String name, Object payload) {
        SignalDeliveryResult result = driver().engine().signal(runId, name, payload);
        runUntilIdle();
        return result;
    }

    /** The run as it is now, with its steps, timers and events. */
    public RunInfo status(String runId) {
        return driver().engine().status(runId);
    }

    /**
     * Runs until the run has {@code status}, moving the clock to the next due sleep, retry or timeout when nothing
     * else is ready. Fails with {@code WAIT_UNSATISFIABLE} when the run ended otherwise, or waits for something only
     * the test can do (a signal); the message says what the run waits for.
     */
    public RunInfo awaitStatus(String runId, RunStatus status) {
        notNull("status", status);
        return new TimeSkipping(this, database).await(runId, run -> run.status() == status, "status " + status);
    }

    /** {@link #awaitStatus} for any end: completed, failed or canceled. */
    public RunInfo awaitTerminal(String runId) {
        return new TimeSkipping(this, database).await(runId, run -> run.status().isTerminal(), "its end");
    }

    /** Runs until the step with this cursor key is recorded for good (completed, or failed with no try left). */
    public StepInfo awaitStep(String runId, String cursorKey) {
        notNull("cursor key", cursorKey);
        RunInfo run = new TimeSkipping(this, database).await(runId, r -> recorded(r, cursorKey).isPresent(),
                "step '" + cursorKey + "'");
        return recorded(run, cursorKey).orElseThrow();
    }

    private static Optional<StepInfo> recorded(RunInfo run, String cursorKey) {
        return run.step(cursorKey).filter(s -> s.completed()
                || s.errorCode().isPresent() && run.status() != RunStatus.RETRYING);
    }

    /**
     * The output of a run of a registered flow, after running it to its end ({@link #awaitTerminal}); throws
     * {@link io.iterativeflow.api.RunFailedException} when it failed or was canceled.
     */
    public <O> O result(Class<? extends FlowBody<?, O>> flowClass, String runId) {
        awaitTerminal(runId);
        @SuppressWarnings({"unchecked", "rawtypes"})
        FlowHandle<?, O> handle = flow((Class) flowClass);
        return handle.result(runId, Duration.ofSeconds(5));
    }

    /**
     * Plans a crash: the next try of a step named {@code stepName} (in any run) that succeeds does its work, then the
     * engine dies before the result is recorded, as when the process is killed. Call it twice for two crashes. The kit then starts a new engine instance, which
     * takes the run over once the dead instance's lease has expired (the virtual clock moves past it), and the next
     * attempt replays: recorded steps return their results, and this step runs again.
     */
    public TestFlowEnvironment crashAfterStep(String stepName) {
        notNull("step name", stepName);
        crashes.plan(stepName);
        return this;
    }

    /** Assertions on a run's history: its status, steps, tries, attempts, timers and events. */
    public RunAssert assertRun(String runId) {
        return new RunAssert(status(runId));
    }

    /** How long a crashed instance's runs stay leased to it (virtual time). */
    public Duration lease() {
        return EngineDriver.SETTINGS.leaseDuration();
    }

    EngineDriver driver() {
        if (driver == null) {
            driver = new EngineDriver(database, definitions, sources, crashes);
        }
        return driver;
    }

    /** Stops the engine. {@link FlowTestExtension} then fails the test if a planned crash never happened. */
    @Override
    public void close() {
        if (driver != null) {
            driver.close();
        }
    }

    List<String> pendingCrashes() {
        return crashes.pending();
    }

    void forgetPlannedCrashes() {
        crashes.forget();
    }

    private static void notNull(String what, Object value) {
        if (value == null) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, what + " must not be null");
        }
    }
}
