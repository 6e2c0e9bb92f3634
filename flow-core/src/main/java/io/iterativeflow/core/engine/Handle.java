package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.FlowEngine;
import io.iterativeflow.api.FlowHandle;
import io.iterativeflow.api.RunInfo;
import io.iterativeflow.api.RunFailedException;
import io.iterativeflow.api.RunStatus;
import io.iterativeflow.api.StartOptions;
import io.iterativeflow.api.StartRequest;
import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.json.JsonSize;
import io.iterativeflow.core.spi.NewRun;
import io.iterativeflow.core.spi.RunState;
import io.iterativeflow.core.spi.StartResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The typed handle of one deployed flow definition. */
final class Handle<I, O> implements FlowHandle<I, O> {

    private static final long POLL_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final FlowDefinition<I, O> definition;
    private final EngineParts parts;
    private final Runnable wake;
    private final FlowEngine engine;

    Handle(FlowDefinition<I, O> definition, EngineParts parts, Runnable wake, FlowEngine engine) {
        this.definition = definition;
        this.parts = parts;
        this.wake = wake;
        this.engine = engine;
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public int version() {
        return definition.version();
    }

    @Override
    public String start(I input, StartOptions options) {
        NewRun run = newRun(input, options, "");
        StartResult result = parts.store().createRun(run);
        wakeAfterCommit(List.of(run), List.of(result));
        return result.runId().toString();
    }

    @Override
    public List<String> startAll(List<StartRequest<I>> requests) {
        Args.notNull("start requests", requests);
        List<NewRun> runs = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            StartRequest<I> request = requests.get(i);
            String where = " (request " + i + " of startAll)";
            if (request == null) {
                throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "start request must not be null" + where);
            }
            runs.add(newRun(request.input(), request.options(), where));
        }
        if (runs.isEmpty()) {
            return List.of();
        }
        List<StartResult> results = parts.store().createRuns(runs);
        wakeAfterCommit(runs, results);
        return results.stream().map(r -> r.runId().toString()).toList();
    }

    /** Checks and serializes one start; nothing is written. */
    private NewRun newRun(I input, StartOptions options, String where) {
        Args.notNull("start options" + where, options);
        if (input == null && definition.inputType().type() != Void.class) {
            throw new FlowException(FlowErrorCode.INPUT_INVALID, "flow " + definition + " needs an input of type "
                    + definition.inputType() + "; got null" + where);
        }
        String json;
        try {
            json = parts.codec().toJson(input);
        } catch (FlowException e) {
            throw new FlowException(FlowErrorCode.INPUT_INVALID, "the input of flow " + definition + where
                    + " cannot be written as JSON: " + e.getMessage(), e);
        }
        JsonSize.check(json, parts.settings().limits().maxInputBytes(), FlowErrorCode.INPUT_TOO_LARGE,
                "the input of flow " + definition + where, EngineSettings.PREFIX + "limits.max-input-bytes");
        return new NewRun(UUID.randomUUID(), definition.name(), definition.version(), json,
                options.idempotencyKey(), options.tags(), options.priority(), options.delay());
    }

    /** Wakes this instance for the runs just created, once their transaction (maybe the caller's) committed. */
    private void wakeAfterCommit(List<NewRun> runs, List<StartResult> results) {
        boolean readyNow = false;
        Duration firstDelay = null;
        for (int i = 0; i < runs.size(); i++) {
            if (!results.get(i).created()) {
                continue;
            }
            Duration delay = runs.get(i).delay();
            if (delay.isZero()) {
                readyNow = true;
            } else if (firstDelay == null || delay.compareTo(firstDelay) < 0) {
                firstDelay = delay;
            }
        }
        if (!readyNow && firstDelay == null) {
            return;
        }
        boolean now = readyNow;
        Duration later = firstDelay;
        parts.store().afterCommit(() -> {
            if (now) {
                wake.run();
            }
            if (later != null) {
                parts.wakes().wakeAt(parts.clock().instant().plus(later));
            }
        });
    }

    @Override
    public Optional<O> output(String runId) {
        RunState state = state(Args.runId(runId), runId);
        return state.status() == RunStatus.COMPLETED ? Optional.ofNullable(decode(state)) : Optional.empty();
    }

    @Override
    public O result(String runId, Duration timeout) {
        UUID id = Args.runId(runId);
        long deadline = System.nanoTime() + Args.timeout(timeout).toNanos();
        while (true) {
            CompletableFuture<Void> transition = parts.completions().subscribe(id);
            try {
                RunState state = state(id, runId);
                if (state.status().isTerminal()) {
                    return outcome(runId, state);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new FlowException(FlowErrorCode.RESULT_TIMEOUT, "run " + runId + " is still "
                            + state.status().dbName() + " after " + timeout + "; wait longer or check its status",
                            runId, null);
                }
                awaitQuietly(transition, Math.min(left, POLL_SLICE_NANOS), runId);
            } finally {
                parts.completions().unsubscribe(id, transition);
            }
        }
    }

    @Override
    public RunInfo status(String runId) {
        state(Args.runId(runId), runId);
        return engine.status(runId);
    }

    @Override
    public boolean cancel(String runId, String reason) {
        state(Args.runId(runId), runId);
        return engine.cancel(runId, reason);
    }

    private O outcome(String runId, RunState state) {
        return switch (state.status()) {
            case COMPLETED -> decode(state);
            case CANCELED -> throw new RunFailedException(FlowErrorCode.RUN_CANCELED, runId, RunStatus.CANCELED,
                    "run " + runId + " was canceled" + (state.errorMessage() == null ? "" : ": "
                            + state.errorMessage()));
            default -> throw new RunFailedException(codeOf(state.errorCode()), runId, RunStatus.FAILED,
                    "run " + runId + " failed: " + state.errorMessage());
        };
    }

    @SuppressWarnings("unchecked")
    private O decode(RunState state) {
        return (O) parts.codec().fromJson(state.outputJson(), definition.outputType().type());
    }

    private RunState state(UUID id, String runId) {
        RunState state = parts.store().state(id).orElseThrow(() -> new FlowException(FlowErrorCode.RUN_NOT_FOUND,
                "no run with id " + runId + "; it never existed or retention removed it", runId, null));
        if (!state.flowName().equals(definition.name())) {
            throw new FlowException(FlowErrorCode.RUN_NOT_FOUND, "run " + runId + " belongs to flow "
                    + state.flowName() + ", not " + definition.name() + "; use that flow's handle", runId, null);
        }
        return state;
    }

    private static void awaitQuietly(CompletableFuture<Void> transition, long nanos, String runId) {
        try {
            transition.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowException(FlowErrorCode.RESULT_TIMEOUT, "interrupted while waiting for run " + runId,
                    runId, e);
        }
    }

    private static FlowErrorCode codeOf(String code) {
        try {
            return code == null ? FlowErrorCode.FLOW_FAILED : FlowErrorCode.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            return FlowErrorCode.FLOW_FAILED;
        }
    }
}
