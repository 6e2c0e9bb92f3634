package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.api.SignalOptions;
import io.iterativeflow.api.TypeRef;
import io.iterativeflow.core.json.JsonCodec;
import io.iterativeflow.core.spi.HistoryEntry;
import io.iterativeflow.core.spi.SignalWaitOutcome;

/**
 * Decides what one {@code ctx.signal(...)} does: return the payload recorded earlier, re-throw a recorded timeout,
 * or ask the store to consume a stored signal, record the timeout, or suspend the run until a signal arrives.
 */
final class SignalWait {

    private final String runId;
    private final AttemptWrites writes;
    private final JsonCodec codec;

    SignalWait(String runId, AttemptWrites writes, JsonCodec codec) {
        this.runId = runId;
        this.writes = writes;
        this.codec = codec;
    }

    <T> T await(String name, String key, TypeRef<T> type, SignalOptions options, HistoryEntry recorded) {
        if (recorded != null && recorded.completed()) {
            return decode(recorded.resultJson(), type);
        }
        if (recorded != null) {
            throw timedOut(key);
        }
        SignalWaitOutcome outcome = writes.awaitSignal(key, name, options.timeout());
        if (outcome.kind() == SignalWaitOutcome.Kind.TIMED_OUT) {
            throw timedOut(key);
        }
        return decode(outcome.payloadJson(), type);
    }

    @SuppressWarnings("unchecked")
    private <T> T decode(String json, TypeRef<T> type) {
        return (T) codec.fromJson(json, type.type());
    }

    private FlowException timedOut(String key) {
        return new FlowException(FlowErrorCode.SIGNAL_TIMEOUT, "the wait '" + key + "' of run " + runId
                + " timed out before a signal arrived; catch this exception in the flow to go on without it, or"
                + " give the wait a longer timeout", runId, null);
    }
}
