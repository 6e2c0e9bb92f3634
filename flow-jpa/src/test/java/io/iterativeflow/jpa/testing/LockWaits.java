package io.iterativeflow.jpa.testing;

/** How many connections of the test database wait for a lock another transaction holds. */
public final class LockWaits {

    private LockWaits() {
    }

    public static long waiting(TestDatabase db) {
        return db.isH2()
                ? db.sql().count("SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")
                : db.sql().count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock'");
    }
}
