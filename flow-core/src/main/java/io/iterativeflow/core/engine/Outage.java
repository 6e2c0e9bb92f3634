package io.iterativeflow.core.engine;

import io.iterativeflow.api.FlowErrorCode;
import io.iterativeflow.api.FlowException;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a database outage once rather than once per poll. Every periodic task (claiming, lease renewal, sweeps, cron
 * ticks, retention, attempts) fails while the database is unreachable; logging each failure with its stack trace
 * would bury the first, useful one under hundreds of copies. So the first failure of an outage is logged with its
 * stack trace, later ones are counted and summarised in one line at most once per {@link #SUMMARY_EVERY}, and the
 * return of the database is logged with how long it was gone. Failures of any other kind are logged every time.
 */
final class Outage {

    static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(Outage.class.getName());

    private final LongSupplier nanoTime;
    private final Logger log;
    private final Object lock = new Object();
    /** Read without the lock on the success path, so a healthy engine pays one volatile read per task. */
    private volatile boolean down;
    private long since;
    private long lastSummary;
    private long failures;

    Outage() {
        this(System::nanoTime, LOG);
    }

    Outage(LongSupplier nanoTime, Logger log) {
        this.nanoTime = nanoTime;
        this.log = log;
    }

    /** Whether {@code e} says the database could not be reached or used, rather than that a request was wrong. */
    static boolean unavailable(Throwable e) {
        return e instanceof FlowException flow && flow.code() == FlowErrorCode.STORE_UNAVAILABLE;
    }

    /**
     * Reports that {@code what} failed with {@code e}; {@code what} says what failed and what happens next, as
     * {@code "claiming runs failed; trying again at the next poll"}.
     */
    void failed(Logger origin, String what, RuntimeException e) {
        if (!unavailable(e)) {
            origin.log(Level.WARNING, what, e);
            return;
        }
        long now = nanoTime.getAsLong();
        synchronized (lock) {
            if (!down) {
                down = true;
                since = now;
                lastSummary = now;
                failures = 1;
                origin.log(Level.WARNING, what + " (the database cannot be used; until it can, further failures are"
                        + " summarised once a minute)", e);
                return;
            }
            failures++;
            if (now - lastSummary < SUMMARY_EVERY.toNanos()) {
                return;
            }
            lastSummary = now;
            long count = failures;
            Duration gone = Duration.ofNanos(now - since);
            log.warning(() -> "the database still cannot be used after " + readable(gone) + " (" + count
                    + " failed operations); the latest: " + what + ": " + firstLine(e));
        }
    }

    /** Reports that the database answered: ends an outage, if one was under way, with a line saying so. */
    void reachable() {
        if (!down) {
            return;
        }
        long now = nanoTime.getAsLong();
        synchronized (lock) {
            if (!down) {
                return;
            }
            down = false;
            long count = failures;
            Duration gone = Duration.ofNanos(now - since);
            log.info(() -> "the database can be used again after " + readable(gone) + " (" + count
                    + " failed operations while it could not)");
        }
    }

    /** Whether an outage is under way. */
    boolean down() {
        return down;
    }

    /** {@code 45s}, {@code 3m 20s}, {@code 2h 5m}: how long an outage lasted, to the second. */
    static String readable(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
