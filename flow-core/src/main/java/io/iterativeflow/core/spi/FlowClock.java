package io.iterativeflow.core.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The engine's time. Production uses the database clock as is; a test clock moves time forward by an offset that
 * every time-sensitive statement adds to the database's {@code now()}, which lets tests skip hours without waiting.
 */
public interface FlowClock {

    /** Added to the database's {@code now()} in every time comparison. Zero in production. */
    Duration offset();

    /** The local estimate of engine time (system clock plus offset), for values that are recorded, not compared. */
    default Instant instant() {
        return Clock.systemUTC().instant().plus(offset());
    }

    FlowClock SYSTEM = () -> Duration.ZERO;
}
