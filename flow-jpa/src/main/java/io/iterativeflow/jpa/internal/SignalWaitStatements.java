package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;

/**
 * The writes that end or start a signal wait, in the caller's transaction, after {@link SignalWaits} has locked the
 * run and decided. {@link PgSignalWait}: one statement each; {@link H2SignalWait}: several.
 */
interface SignalWaitStatements {

    /**
     * Consumes signal {@code signalId} for the wait {@code cursorKey}: marks it consumed, drops the wait's timer,
     * records the step as completed with {@code payload}, renews the lease, forgets the wait, writes the event.
     * Returns how many steps were recorded (1, or the caller rolls back).
     */
    long consume(EntityManager em, FlowClock clock, Fence fence, Wait wait, long signalId, String payload);

    /** Records the wait as timed out (a failed step), fires its timer, renews the lease; returns steps recorded. */
    long timeOut(EntityManager em, FlowClock clock, Fence fence, Wait wait);

    /**
     * Suspends the run until a signal arrives or, when {@code timed}, until {@code recordedDue} (a timer recorded by
     * an earlier attempt) or {@code timeout} from now, recording that timer once. Returns when the run is due.
     */
    Instant suspend(EntityManager em, FlowClock clock, Fence fence, Wait wait, boolean timed, Duration timeout,
            Instant recordedDue);

    /** The wait: its key, the signal's name, the step's position, and the lease a resolution renews. */
    record Wait(String cursorKey, String name, int position, Duration lease) {
    }
}
