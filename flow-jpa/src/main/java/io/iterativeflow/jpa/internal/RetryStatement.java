package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * {@code retry}'s write, in the caller's transaction, guarded on {@code status = 'failed'} so that of concurrent
 * retries one wins: makes the run ready again, resets its attempt budget, deletes its trailing failed steps with
 * their retry timers and writes a {@code retried} event naming the cleared keys. {@link PgRetry}: one statement;
 * {@link H2Retry}: the run's row locked first, then several.
 */
interface RetryStatement {

    /** True when the run was failed and is now pending again; {@code actor} (or null) goes on the event. */
    boolean retry(EntityManager em, FlowClock clock, UUID runId, String actor);
}
