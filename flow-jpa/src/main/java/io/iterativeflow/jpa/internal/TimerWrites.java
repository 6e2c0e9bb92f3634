package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code suspendForTimer}: one fenced write ({@link SleepStatement}) records the timer once and puts the run to sleep
 * until it is due. A timer recorded by an earlier attempt keeps its due time (a replayed sleep does not start over).
 */
public final class TimerWrites {

    private final Transactions tx;
    private final FlowClock clock;
    private final SleepStatement statement;

    public TimerWrites(Transactions tx, FlowClock clock, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.statement = database.sleep;
    }

    public Optional<Instant> suspend(Fence fence, String cursorKey, String kind, Optional<Instant> dueAt,
            Duration fromNow) {
        return statement.suspend(tx, clock, fence, cursorKey, kind, dueAt, fromNow);
    }
}
