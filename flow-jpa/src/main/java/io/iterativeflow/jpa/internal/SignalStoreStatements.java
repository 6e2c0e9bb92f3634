package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.FlowClock;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;

/**
 * The per-database statements of a signal delivery, in the caller's transaction ({@link SignalDeliveries} decides).
 * {@link PgSignalStore}: the wait is matched in SQL and the store is one statement; {@link H2SignalStore}: the wait
 * is matched in Java and the store is several statements.
 */
interface SignalStoreStatements {

    /** Locks the run's row and reads whether it waits for signal {@code name}; empty when there is no such run. */
    Optional<LockedRun> lock(EntityManager em, UUID runId, String name);

    /**
     * Stores the signal with {@code status} ({@code delivered} or {@code buffered}) and its event (with
     * {@code actor}, the caller principal, or null); a delivered one also wakes the run. Returns how many signals
     * were stored and runs woken, for the caller to check.
     */
    Stored store(EntityManager em, FlowClock clock, LockedRun run, UUID runId, String name, String payloadJson,
            Optional<String> deliveryId, String status, String actor);

    /**
     * The locked run: its status, whether it waits for the signal, its wait key (H2 wakes by it) and its flow
     * version (a bulk send checks the payload against it).
     */
    record LockedRun(String status, boolean waits, String waitKey, String flowName, int flowVersion) {
    }

    record Stored(long stored, long woken) {
    }
}
