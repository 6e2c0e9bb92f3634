package io.iterativeflow.jpa.testing;

import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link FlowClock} whose offset the test moves: time passes for the store without anyone waiting. */
public final class TestClock implements FlowClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Duration offset() {
        return offset.get();
    }

    /** Moves engine time forward by {@code amount}. */
    public TestClock advance(Duration amount) {
        offset.accumulateAndGet(amount, Duration::plus);
        return this;
    }

    /** Back to the database's own time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }
}
