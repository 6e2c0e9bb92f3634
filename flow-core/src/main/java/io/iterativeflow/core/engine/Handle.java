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
import io.iterativeflow.core.spi.RunState;
import java.time.Duration;
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
    private final FlowEngine engine;
    private final Starts<I> starts;

    Handle(FlowDefinition<I, O> definition, EngineParts parts, Runnable wake, FlowEngine engine) {
        this.definition = definition;
        this.parts = parts;
        this.engine = engine;
        this.starts = new Starts<>(definition, parts, wake);
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
        return starts.start(input, options);
    }

    @Override
    public List<String> startAll(List<StartRequest<I>> requests) {
        return starts.startAll(requests);
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
