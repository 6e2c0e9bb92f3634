package io.iterativeflow.jpa.internal;

import java.time.Instant;

/**
 * SQL shared by signal delivery and signal waits. Both first lock the run's row ({@code FOR UPDATE}) in a statement
 * of its own, and read the signals in later statements: under READ COMMITTED each statement takes a new snapshot, so
 * whichever of a delivery and a wait commits second sees what the first committed.
 */
final class SignalSql {

    /** The run's wait sits on {@code :name}: the wait key is {@code signal:<name>} or {@code signal:<name>:<n>}. */
    static final String WAITS_FOR_NAME = "status = 'awaiting_signal' AND wait_kind = 'signal'"
            + " AND split_part(wait_key, ':', 2) = :name";

    /** Signals stored and not yet consumed. */
    static final String UNCONSUMED = "status IN ('buffered', 'delivered')";

    /**
     * The wake time of a run that waits for a signal without a timeout. A finite date far away rather than
     * {@code 'infinity'}, which Java's time types cannot hold.
     */
    static final String NEVER = "TIMESTAMPTZ '9999-12-31 00:00:00+00'";

    /** {@link #NEVER} on H2. */
    static final String H2_NEVER = "TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00'";

    /** {@link #NEVER} in Java: a run due then is shown without a wake time. */
    static final Instant NEVER_INSTANT = Instant.parse("9999-12-31T00:00:00Z");

    private SignalSql() {
    }

    /**
     * {@link #WAITS_FOR_NAME} in Java, for H2 (which has no {@code split_part}): the second {@code :}-separated part
     * of the wait key is the name.
     */
    static boolean waitsForName(String status, String waitKind, String waitKey, String name) {
        if (!"awaiting_signal".equals(status) || !"signal".equals(waitKind) || waitKey == null) {
            return false;
        }
        String[] parts = waitKey.split(":", -1);
        return (parts.length > 1 ? parts[1] : "").equals(name);
    }
}
