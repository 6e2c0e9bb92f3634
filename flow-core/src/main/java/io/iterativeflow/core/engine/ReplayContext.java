package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowContext;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.StepFunction;
import io.iterativeflow.api.StepOptions;
import io.iterativeflow.api.TransactionalStepFunction;
import io.iterativeflow.api.TypeRef;
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
    private final Map<String, HistoryEntry> history = new HashMap<>();
    private final Map<String, TimerEntry> timers = new HashMap<>();
    private final CursorKeys keys = new CursorKeys();
    private volatile boolean inStep;

    ReplayContext(ClaimedRun run, AttemptWrites writes, StepRunner steps) {
        this.run = run;
        this.writes = writes;
        this.steps = steps;
        run.history().forEach(h -> history.put(h.cursorKey(), h));
        run.timers().forEach(t -> timers.put(t.cursorKey(), t));
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

    private HistoryEntry expectKind(String key, String kind) {
        HistoryEntry recorded = history.get(key);
        if (recorded != null && !recorded.kind().equals(kind)) {
            throw incompatible(key, "a " + recorded.kind(), kind);
        }
        return recorded;
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
