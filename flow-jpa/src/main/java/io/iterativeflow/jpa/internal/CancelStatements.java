package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/**
 * A cancel's writes, in the caller's transaction: the run and every descendant that has not ended are canceled
 * together (descendants with {@code cascadeReason}), with their events; if the run is a child, its waiting parent is
 * woken. Never out of a terminal status. {@link PgCancel}: a recursive statement, run again for descendants created
 * meanwhile; {@link H2Cancel}: the run and its descendants locked first, then canceled.
 */
interface CancelStatements {

    /**
     * True if the run was canceled, false if it had already ended, empty if there is no such run.
     *
     * @param actor the caller principal written on every {@code canceled} event of this cancel, or null
     */
    Optional<Boolean> cancel(EntityManager em, FlowClock clock, UUID runId, String reason, String cascadeReason,
            String actor);
}
