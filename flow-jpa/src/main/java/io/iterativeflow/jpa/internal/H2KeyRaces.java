package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import io.iterativeflow.jpa.StoreConflictException;
import java.util.function.Supplier;

/**
 * Starts with an idempotency key on H2. H2 rejects a key that an uncommitted transaction has just inserted at once,
 * where PostgreSQL waits for that transaction; so the losing start is tried again, in a new transaction, until the
 * winner has committed and its run is found.
 */
final class H2KeyRaces {

    private static final int TRIES = 100;

    private H2KeyRaces() {
    }

    /** Runs {@code transaction} (one whole transaction) until it does not collide with another start's key. */
    static <T> T retry(String what, Supplier<T> transaction) {
        for (int i = 1; ; i++) {
            try {
                return transaction.get();
            } catch (StoreConflictException e) {
                if (i == TRIES || !e.constraint().filter("runs_idempotency"::equals).isPresent()) {
                    throw e;
                }
                pause(what, i);
            }
        }
    }

    private static void pause(String what, int attempt) {
        try {
            Thread.sleep(Math.min(50, 2L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowException(FlowErrorCode.STORE_UNAVAILABLE, "interrupted while " + what, e);
        }
    }
}
