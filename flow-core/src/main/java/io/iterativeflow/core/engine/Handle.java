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
import io.iterativeflow.api.StartOutcome;
import io.iterativeflow.api.WaitUntil;
import io.iterativeflow.api.StartRequest;
import io.iterativeflow.core.spi.RunState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** The typed handle of one deployed flow definition. */
final class Handle<I, O> implements FlowHandle<I, O> {

    private final FlowDefinition<I, O> definition;
    private final EngineParts parts;
    private final FlowEngine engine;
    private final Starts<I> starts;

    Handle(FlowDefinition<I, O> definition, EngineParts parts, Dispatcher dispatcher, FlowEngine engine) {
        this.definition = definition;
        this.parts = parts;
        this.engine = engine;
        this.starts = new Starts<>(definition, parts, dispatcher);
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
        return starts.start(input, options).runId();
    }

    @Override
    public StartOutcome startWithOutcome(I input, StartOptions options) {
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
        Args.timeout(timeout);
        return new BlockingWaiter<>(id, () -> ended(id, runId), state -> ended(state, runId)).await(parts.completions(), timeout,
                parts.settings().pollInterval(), () -> timedOut(runId, "end", timeout));
    }

    @Override
    public CompletionStage<O> resultAsync(String runId, Duration timeout) {
        UUID id = Args.runId(runId);
        Args.timeout(timeout);
        Completions completions = parts.completions();
        return new AsyncWaiter<>(id, null, () -> ended(id, runId), state -> ended(state, runId),
                completions.executor())
                .start(completions, timeout, () -> timedOut(runId, "end", timeout), completions.timers());
    }

    @Override
    public <T> T wait(String runId, WaitUntil<T> until, Duration timeout) {
        UUID id = Args.runId(runId);
        Args.notNull("wait condition", until);
        Args.timeout(timeout);
        Waiter.Check<T> check = WaitChecks.of(until, () -> details(id, runId));
        return new BlockingWaiter<>(id, WaitChecks.progressKey(until), check).await(parts.completions(), timeout,
                parts.settings().pollInterval(), () -> timedOut(runId, WaitChecks.describe(until), timeout));
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
        return ours(parts.store().state(id).orElseThrow(() -> new FlowException(FlowErrorCode.RUN_NOT_FOUND,
                "no run with id " + runId + "; it never existed or retention removed it", runId, null)), runId);
    }

    private RunState ours(RunState state, String runId) {
        if (!state.flowName().equals(definition.name())) {
            throw new FlowException(FlowErrorCode.RUN_NOT_FOUND, "run " + runId + " belongs to flow "
                    + state.flowName() + ", not " + definition.name() + "; use that flow's handle", runId, null);
        }
        return state;
    }

    private Optional<Waiter.Done<O>> ended(UUID id, String runId) {
        return ended(state(id, runId), runId);
    }

    private Optional<Waiter.Done<O>> ended(RunState known, String runId) {
        RunState state = ours(known, runId);
        return state.status().isTerminal() ? Optional.of(new Waiter.Done<>(outcome(runId, state))) : Optional.empty();
    }

    private RunInfo details(UUID id, String runId) {
        RunInfo info = parts.store().details(id).orElseThrow(() -> new FlowException(FlowErrorCode.RUN_NOT_FOUND,
                "no run with id " + runId + "; it never existed or retention removed it", runId, null));
        if (!info.flowName().equals(definition.name())) {
            throw new FlowException(FlowErrorCode.RUN_NOT_FOUND, "run " + runId + " belongs to flow "
                    + info.flowName() + ", not " + definition.name() + "; use that flow's handle", runId, null);
        }
        return info;
    }

    private static FlowException timedOut(String runId, String what, Duration timeout) {
        return new FlowException(FlowErrorCode.RESULT_TIMEOUT, "run " + runId + " did not " + what + " within "
                + timeout + "; wait longer or check its status", runId, null);
    }

    private static FlowErrorCode codeOf(String code) {
        return ErrorCodes.parse(code, FlowErrorCode.FLOW_FAILED);
    }
}
