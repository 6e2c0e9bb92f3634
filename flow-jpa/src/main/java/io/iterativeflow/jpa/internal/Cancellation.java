package io.iterativeflow.jpa.internal;

import io.iterativeflow.api.FlowException;
import io.iterativeflow.core.spi.FlowClock;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code cancel}: not fenced (any instance may cancel any run) but guarded, so it never leaves a terminal status: a
 * cancel racing a completion leaves exactly one of them. The owner notices at its next fenced write or renewal.
 */
public final class Cancellation {

    /** PostgreSQL's {@code deadlock_detected}. */
    private static final String DEADLOCK = "40P01";
    /** H2 reports a deadlock as a serialization failure. */
    private static final String H2_DEADLOCK = "40001";
    /** Under load a retry can meet the same other transaction again; each try waits a little longer. */
    private static final int DEADLOCK_TRIES = 6;
    private static final long BACKOFF_MILLIS = 5;

    private final Transactions tx;
    private final FlowClock clock;
    private final CancelStatements statements;

    public Cancellation(Transactions tx, FlowClock clock, Database database) {
        this.tx = tx;
        this.clock = clock;
        this.statements = database.cancel;
    }

    /**
     * Cancels the run and its descendants. A cancel locks a parent before its children while a child that ends locks
     * itself before waking its parent, so the two can deadlock; the database then rolls one of them back, and a
     * cancel rolled back that way is simply run again (the child, if it was the one rolled back, is canceled anyway).
     */
    public Optional<Boolean> cancel(UUID runId, String reason, Optional<String> actor) {
        for (int tries = 1; ; tries++) {
            try {
                return cancelOnce(runId, reason, actor.orElse(null));
            } catch (FlowException e) {
                if (tries >= DEADLOCK_TRIES || !deadlocked(e)) {
                    throw e;
                }
                backOff(tries);
            }
        }
    }

    /** A short pause, jittered so two retrying cancels do not meet again in step. */
    private static void backOff(int tries) {
        long most = BACKOFF_MILLIS << tries;
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(most / 2, most + 1)));
    }

    private static boolean deadlocked(FlowException e) {
        SQLException sql = StoreErrors.sqlCause(e);
        return sql != null && (DEADLOCK.equals(sql.getSQLState()) || H2_DEADLOCK.equals(sql.getSQLState()));
    }

    private Optional<Boolean> cancelOnce(UUID runId, String reason, String actor) {
        return tx.inTransaction(em -> statements.cancel(em, clock, runId, reason, "parent canceled: " + reason,
                actor));
    }
}
