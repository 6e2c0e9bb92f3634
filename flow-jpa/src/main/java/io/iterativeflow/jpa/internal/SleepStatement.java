package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code suspendForTimer}'s write, committed on its own: record the timer once and put the run to sleep until it is
 * due ({@code dueAt}, else {@code fromNow}); a timer recorded by an earlier attempt keeps its due time. Returns the
 * due time, or empty when the fence failed. {@link PgSleep} is one auto-committed statement, {@link H2Sleep} several
 * in a transaction it asks for.
 */
interface SleepStatement {

    Optional<Instant> suspend(Transactions tx, FlowClock clock, Fence fence, String cursorKey, String kind,
            Optional<Instant> dueAt, Duration fromNow);
}
