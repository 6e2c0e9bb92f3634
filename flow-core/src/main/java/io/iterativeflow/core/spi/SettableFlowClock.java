package io.iterativeflow.core.spi;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests: {@link #advance(Duration)} moves engine time forward for every time comparison the store makes,
 * so a test can pass a week-long sleep without waiting. Time never moves backwards.
 */
public final class SettableFlowClock implements FlowClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Duration offset() {
        return offset.get();
    }

    public void advance(Duration amount) {
        if (amount == null || amount.isNegative()) {
            throw new IllegalArgumentException("time only moves forward; got " + amount);
        }
        offset.accumulateAndGet(amount, Duration::plus);
    }
}
