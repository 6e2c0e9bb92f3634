package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowBody;
import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.InvokeOptions;
import io.iterativeflow.api.SignalOptions;
import io.iterativeflow.api.StepFunction;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.api.TransactionalStepFunction;
import io.iterativeflow.api.TypeRef;
import io.iterativeflow.core.registry.FlowRegistry;
import io.iterativeflow.core.spi.ClaimedRun;
import io.iterativeflow.core.spi.HistoryEntry;
import io.iterativeflow.core.spi.TimerEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link FlowContext} of one attempt. Each operation takes the next cursor key for its base and looks it up in
 * the history loaded at claim time: recorded operations return their recorded outcome, new ones run and are recorded
 * (through {@link AttemptWrites}) before they return.
 */
final class ReplayContext implements FlowContext {

    private final ClaimedRun run;
    private final AttemptWrites writes;
    private final StepRunner steps;
    private final ChildInvoker children;
    private final FlowRegistry registry;
    private final SignalWait signals;
    private final Map<String, TimerEntry> timers = new HashMap<>();
    private final CursorKeys keys = new CursorKeys();
    private final ReplayGuard guard;
    private volatile boolean inStep;

    ReplayContext(ClaimedRun run, AttemptWrites writes, StepRunner steps, ChildInvoker children,
            FlowRegistry registry, SignalWait signals) {
        this.run = run;
        this.writes = writes;
        this.steps = steps;
        this.children = children;
        this.registry = registry;
        this.signals = signals;
        run.timers().forEach(t -> timers.put(t.cursorKey(), t));
        this.guard = new ReplayGuard(run);
        writes.beforeSuspend(guard::beforeSleeping);
    }

    /** The drift check of this attempt, which the runner asks once the body has returned. */
    ReplayGuard guard() {
        return guard;
    }

    @Override
    public String runId() {
        return run.runId().toString();
    }

    @Override
    public String flowName() {
        return run.flowName();
    }

    @Override
    public int flowVersion() {
        return run.flowVersion();
    }

    @Override
    public int attempt() {
        return run.attempt();
    }

    @Override
    public Optional<String> startedBy() {
        return steps.startedBy();
    }

    @Override
    public <T> T step(String name, TypeRef<T> type, StepOptions options, StepFunction<T> fn) {
        enter("step");
        Names.checkStepName("step", name);
        if (type == null || options == null || fn == null) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "step '" + name + "': type, options and function"
                    + " must not be null (use StepOptions.defaults() and Void.class when there is nothing to give)");
        }
        String key = keys.next(name);
        HistoryEntry recorded = expectKind(key, "step");
        inStep = true;
        try {
            return steps.run(name, key, type, options, fn, recorded);
        } finally {
            inStep = false;
        }
    }

    @Override
    public <T> T transactionalStep(String name, TypeRef<T> type, StepOptions options,
            TransactionalStepFunction<T> fn) {
        enter("transactionalStep");
        Names.checkStepName("transactional step", name);
        if (type == null || options == null || fn == null) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "transactional step '" + name + "': type, options"
                    + " and function must not be null (use StepOptions.defaults() and Void.class when there is"
                    + " nothing to give)");
        }
        String key = keys.next(name);
        HistoryEntry recorded = expectKind(key, "step");
        inStep = true;
        try {
            return steps.transactional().run(name, key, type, options, fn, recorded);
        } finally {
            inStep = false;
        }
    }

    @Override
    public void sleep(String name, Duration duration) {
        enter("sleep");
        Names.checkStepName("sleep", name);
        if (duration == null || duration.isNegative()) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "sleep '" + name + "': duration must be zero or"
                    + " positive, got " + duration);
        }
        String key = keys.next(name);
        if (replaySleep(key)) {
            return;
        }
        if (!duration.isZero()) {
            writes.suspendForTimer(key, Optional.empty(), duration);
        }
    }

    @Override
    public void sleepUntil(String name, Instant instant) {
        enter("sleepUntil");
        Names.checkStepName("sleep", name);
        if (instant == null) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "sleepUntil '" + name + "': instant must not be"
                    + " null");
        }
        String key = keys.next(name);
        if (replaySleep(key)) {
            return;
        }
        if (instant.isAfter(writes.clockInstant())) {
            // the database keeps microseconds; truncating here keeps the recorded due time equal to the asked one
            writes.suspendForTimer(key, Optional.of(instant.truncatedTo(ChronoUnit.MICROS)), Duration.ZERO);
        }
    }

    @Override
    public <T> T signal(String name, TypeRef<T> type, SignalOptions options) {
        enter("signal");
        Names.checkStepName("signal", name);
        if (type == null || options == null) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "signal '" + name + "': type and options must"
                    + " not be null (use SignalOptions.none() for a wait without timeout)");
        }
        String key = keys.next("signal:" + name);
        return signals.await(name, key, type, options, expectKind(key, "signal"));
    }

    @Override
    public Instant now() {
        enter("now");
        String key = keys.next("now");
        HistoryEntry recorded = expectKind(key, "now");
        if (recorded != null && recorded.completed()) {
            return Instant.parse(stripQuotes(recorded.resultJson()));
        }
        Instant now = writes.clockInstant();
        String json = writes.recordCompletion(key, "now", "now", 1, "\"" + now + "\"");
        return Instant.parse(stripQuotes(json));
    }

    @Override
    public <CI, CO> CO invoke(FlowDefinition<CI, CO> child, CI input, InvokeOptions options) {
        enter("invoke");
        if (child == null || options == null) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "invoke: the child flow and the options must not"
                    + " be null (use InvokeOptions.none())");
        }
        return invokeDeployed(deployed(child.name(), child.version()), input, options);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <CI, CO> CO invoke(Class<? extends FlowBody<CI, CO>> child, CI input, InvokeOptions options) {
        enter("invoke");
        if (child == null || options == null) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "invoke: the child flow class and the options"
                    + " must not be null (use InvokeOptions.none())");
        }
        return invokeDeployed((FlowDefinition<CI, CO>) registry.forClass(child), input, options);
    }

    private <CI, CO> CO invokeDeployed(FlowDefinition<CI, CO> child, CI input, InvokeOptions options) {
        String key = keys.next(ChildInvoker.base(child));
        HistoryEntry recorded = expectKind(key, "invoke");
        return children.invoke(child, key, input, options, recorded);
    }

    @SuppressWarnings("unchecked")
    private <CI, CO> FlowDefinition<CI, CO> deployed(String name, int version) {
        return (FlowDefinition<CI, CO>) registry.find(name, version).orElseThrow(() -> new FlowException(
                FlowErrorCode.FLOW_UNKNOWN, "run " + run.runId() + " invokes flow " + name + "@" + version
                        + ", which is not deployed; deploy it (as a CDI bean or with the engine builder)",
                run.runId().toString(), null));
    }

    /** True when the sleep at {@code key} is over; suspends again when its timer is recorded but not yet due. */
    private boolean replaySleep(String key) {
        HistoryEntry recorded = expectKind(key, "sleep");
        if (recorded != null) {
            return true;
        }
        TimerEntry timer = timers.get(key);
        if (timer == null) {
            return false;
        }
        if (!"sleep".equals(timer.kind())) {
            throw incompatible(key, "a " + timer.kind() + " timer", "sleep");
        }
        if (!timer.dueAt().isAfter(run.claimedAt())) {
            return true;
        }
        writes.suspendForTimer(key, Optional.of(timer.dueAt()), Duration.ZERO);
        return false;
    }

    /** Every durable operation passes here: the guard checks it against the record (drift) and returns its entry. */
    private HistoryEntry expectKind(String key, String kind) {
        return guard.expect(key, kind);
    }

    private FlowException incompatible(String key, String found, String expected) {
        return new FlowException(FlowErrorCode.REPLAY_INCOMPATIBLE_VERSION, "run " + run.runId() + " recorded "
                + found + " at '" + key + "' but flow " + run.flowName() + "@" + run.flowVersion() + " now calls "
                + expected + " there; deploy the flow's code under a new version instead of changing it in place",
                run.runId().toString(), null);
    }

    private void enter(String operation) {
        writes.checkLive();
        if (inStep) {
            throw new FlowException(FlowErrorCode.STEP_INVALID_AWAIT, operation + "(...) was called inside a step of"
                    + " run " + run.runId() + "; durable operations belong in the flow body, not inside step code");
        }
    }

    private static String stripQuotes(String json) {
        return json.length() >= 2 && json.startsWith("\"") ? json.substring(1, json.length() - 1) : json;
    }
}
