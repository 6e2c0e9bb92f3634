package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;

/**
 * The runs of {@code names} whose version is not among {@code deployed} ({@code name@version}), in the caller's
 * transaction. {@link PgUndeployed}: one statement each; {@link H2Undeployed}: lock, then fail and write events.
 */
interface UndeployedStatements {

    /**
     * Fails with {@code FLOW_UNKNOWN} up to {@code limit} such runs that have waited, ready and unclaimed, for longer
     * than {@code grace}, passing over locked ones; returns how many.
     */
    int failExpired(EntityManager em, FlowClock clock, List<String> names, List<String> deployed, Duration grace,
            int limit);

    /** How many such runs wait. */
    long countWaiting(EntityManager em, List<String> names, List<String> deployed);
}
