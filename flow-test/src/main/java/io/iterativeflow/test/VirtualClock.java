package io.iterativeflow.test;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's time in a test: the database's clock plus an offset that only the test moves. Every due time,
 * lease and timeout the store compares goes through it, so moving it passes a three-day sleep at once.
 */
final class VirtualClock implements FlowClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Duration offset() {
        return offset.get();
    }

    void advance(Duration amount) {
        if (amount == null) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the time to advance by must not be null");
        }
        if (amount.isNegative()) {
            throw new FlowException(FlowErrorCode.ARGUMENT_INVALID, "the clock of a flow test only moves forward;"
                    + " advance(" + amount + ") would move it back. Recorded times cannot be undone: start a new"
                    + " test (each test starts at the real time) instead");
        }
        offset.accumulateAndGet(amount, Duration::plus);
    }

    void reset() {
        offset.set(Duration.ZERO);
    }
}
