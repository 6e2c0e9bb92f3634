package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Fence;
import io.iterativeflow.core.spi.FlowClock;
import io.iterativeflow.core.spi.TransactionalStep;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The per-database parts of a transactional step ({@link TransactionalSteps} runs the work and decides):
 * {@link PgTransactionalStep}, {@link H2TransactionalStep}.
 */
interface TransactionalStepStatements {

    /** Runs {@code inside} (the work and the record) with no statement longer than the step's timeout, if any. */
    <T> T bounded(EntityManager em, TransactionalStep step, Supplier<T> inside);

    /**
     * Fences the attempt (renewing its lease by {@code lease}) and records the step with {@code resultJson} when it
     * is new or waits for this very try ({@code retrying} after an earlier one), with its event.
     */
    Written record(EntityManager em, FlowClock clock, Fence fence, TransactionalStep step, String resultJson,
            Duration lease);

    /** Whether the fence held and the step was written. */
    record Written(boolean fenced, boolean written) {
    }
}
