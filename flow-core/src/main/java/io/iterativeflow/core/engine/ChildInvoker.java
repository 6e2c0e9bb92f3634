package io.iterativeflow.core.engine;

import io.iterativeflow.api.ChildFailedException;
import io.iterativeflow.api.FlowDefinition;
import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.InvokeOptions;
import io.iterativeflow.core.config.EngineSettings;
import io.iterativeflow.core.config.InvokeLimits;
import io.iterativeflow.core.json.JsonCodec;
import io.iterativeflow.core.spi.ChildOutcome;
import io.iterativeflow.core.spi.FlowTracer;
import io.iterativeflow.core.spi.HistoryEntry;
import io.iterativeflow.core.spi.NewRun;
import java.time.Duration;
import java.util.Collections;
import java.util.UUID;

/**
 * {@code ctx.invoke}: replays a recorded child outcome, or starts the child (or finds the one started before) and
 * suspends the parent until it ends, then records its outcome in the parent's history as an {@code invoke} entry.
 */
final class ChildInvoker {

    private final String parentRunId;
    private final AttemptWrites writes;
    private final JsonCodec codec;
    private final InvokeLimits limits;
    private final long maxInputBytes;
    private final InputCheck inputCheck;
    private final FlowTracer.AttemptSpan span;

    ChildInvoker(String parentRunId, AttemptWrites writes, JsonCodec codec, EngineSettings settings,
            InputCheck inputCheck, FlowTracer.AttemptSpan span) {
        this.span = span;
        this.parentRunId = parentRunId;
        this.writes = writes;
        this.codec = codec;
        this.limits = settings.invokeLimits();
        this.maxInputBytes = settings.limits().maxInputBytes();
        this.inputCheck = inputCheck;
    }

    /** The cursor key base of an invoke of {@code child}. */
    static String base(FlowDefinition<?, ?> child) {
        return "invoke:" + child.name() + "@" + child.version();
    }

    <CI, CO> CO invoke(FlowDefinition<CI, CO> child, String key, CI input, InvokeOptions options,
            HistoryEntry recorded) {
        if (recorded != null) {
            return replay(child, key, recorded);
        }
        Args.startOptions(options.idempotencyKey(), options.tags(), " of the child " + child + " at '" + key + "'");
        NewRun run = new NewRun(UUID.randomUUID(), child.name(), child.version(), inputJson(child, key, input),
                options.idempotencyKey(), options.tags(), 0, Duration.ZERO, Traces.context(span));
        ChildOutcome outcome = writes.invokeChild(key, run, limits);
        return switch (outcome.kind()) {
            case ENDED -> ended(child, key, outcome);
            case DEPTH_EXCEEDED -> throw new FlowException(FlowErrorCode.INVOKE_DEPTH_EXCEEDED, "run " + parentRunId
                    + " cannot invoke " + child + " at '" + key + "': the chain of children would be deeper than "
                    + limits.maxDepth() + " (" + EngineSettings.PREFIX + "limits.max-invoke-depth); flatten the"
                    + " chain or raise the limit", parentRunId, null);
            case FANOUT_EXCEEDED -> throw new FlowException(FlowErrorCode.INVOKE_FANOUT_EXCEEDED, "run "
                    + parentRunId + " already started " + limits.maxChildrenPerRun() + " children, the limit of "
                    + EngineSettings.PREFIX + "limits.max-children-per-run; split the work over several runs or"
                    + " raise the limit", parentRunId, null);
            case KEY_TAKEN -> throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "run " + parentRunId
                    + " cannot invoke " + child + " with idempotency key '" + options.idempotencyKey().orElse("")
                    + "': run " + outcome.childRunId() + " holds it as the child of another run; use another key",
                    parentRunId, null);
            default -> throw new IllegalStateException("unexpected child outcome " + outcome.kind());
        };
    }

    private <CI, CO> CO ended(FlowDefinition<CI, CO> child, String key, ChildOutcome outcome) {
        if (outcome.completed()) {
            String json = writes.recordCompletion(key, child.name(), "invoke", 1, outcome.outputJson());
            return decode(child, json);
        }
        String code = outcome.errorCode() == null ? codeOf(outcome.childStatus()).name() : outcome.errorCode();
        String message = "child run " + outcome.childRunId() + " (" + child + ") " + outcome.childStatus() + ": "
                + outcome.errorMessage();
        writes.recordFailure(key, child.name(), "invoke", 1, code, message);
        throw failed(key, code, message, outcome.childRunId().toString());
    }

    private <CI, CO> CO replay(FlowDefinition<CI, CO> child, String key, HistoryEntry recorded) {
        if (recorded.completed()) {
            return decode(child, recorded.resultJson());
        }
        throw failed(key, recorded.errorCode(), recorded.errorMessage(), childIdOf(recorded.errorMessage()));
    }

    private ChildFailedException failed(String key, String code, String message, String childRunId) {
        return new ChildFailedException(codeOf(code), parentRunId, key, childRunId, message);
    }

    private <CI> String inputJson(FlowDefinition<CI, ?> child, String key, CI input) {
        String what = "the input of child " + child + " at '" + key + "'";
        String json = Inputs.toJson(codec, child, input, maxInputBytes, what, parentRunId);
        Inputs.validate(inputCheck, what, Collections.singletonList(input), false, parentRunId);
        return json;
    }

    @SuppressWarnings("unchecked")
    private <CO> CO decode(FlowDefinition<?, CO> child, String json) {
        return (CO) codec.fromJson(json, child.outputType().type());
    }

    /** A stored code, or for an ended child without one, the code its status implies. */
    private static FlowErrorCode codeOf(String code) {
        return "canceled".equals(code) ? FlowErrorCode.RUN_CANCELED
                : ErrorCodes.parse(code, FlowErrorCode.FLOW_FAILED);
    }

    /** The child's id from a recorded failure message ("child run <id> (...)"). */
    private static String childIdOf(String message) {
        if (message != null && message.startsWith("child run ")) {
            int end = message.indexOf(' ', "child run ".length());
            return end > 0 ? message.substring("child run ".length(), end) : null;
        }
        return null;
    }
}
