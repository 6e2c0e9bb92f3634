package io.iterativeflow.core.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@link FlowStore#awaitSignal} did.
 *
 * @param payloadJson the consumed payload, when {@code kind} is {@link Kind#RECEIVED}
 * @param timeoutAt the wait's timeout, when {@code kind} is {@link Kind#WAITING} and the wait has one
 */
public record SignalWaitOutcome(Kind kind, String payloadJson, Optional<Instant> timeoutAt) {

    public enum Kind {
        /** A stored signal was consumed and recorded as the wait's result. */
        RECEIVED,
        /** The wait's timeout passed without a signal; recorded as a failed wait. */
        TIMED_OUT,
        /** No signal yet: the run now waits ({@code awaiting_signal}) and its lease is released. */
        WAITING,
        /** The attempt no longer owns the run; nothing was written. */
        LEASE_LOST
    }

    public static SignalWaitOutcome received(String payloadJson) {
        return new SignalWaitOutcome(Kind.RECEIVED, payloadJson, Optional.empty());
    }

    public static SignalWaitOutcome of(Kind kind) {
        return new SignalWaitOutcome(kind, null, Optional.empty());
    }
}
