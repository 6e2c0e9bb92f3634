package io.iterativeflow.jpa.internal;

import io.iterativeflow.core.spi.Notifications;

/**
 * The {@code pg_notify} calls the store's statements make, as the body of a CTE named {@code n}. A notification sent
 * inside a transaction is delivered when it commits, and not at all when it rolls back; PostgreSQL folds identical
 * ones of one transaction into one. A plain {@code SELECT} CTE only runs when the statement reads it, so every
 * statement with one also selects {@link #NOTIFIED}.
 */
final class Notify {

    /** The column that makes the statement evaluate {@code n}; not read by the store. */
    static final String NOTIFIED = "(SELECT count(*) FROM n) AS notified";

    /** A notification CTE that sends nothing. */
    static final String NONE = "SELECT 1 WHERE false";

    private Notify() {
    }

    /** A run of flow {@code flowName} (an SQL expression) is ready now, once per row of {@code from}. */
    static String ready(String flowName, String from) {
        return "SELECT pg_notify('" + Notifications.READY + "', " + flowName + ") FROM " + from;
    }

    /** The run {@code id} of each row of {@code from} became terminal. */
    static String terminal(String from) {
        return "SELECT pg_notify('" + Notifications.TERMINAL + "', CAST(id AS text)) FROM " + from;
    }

    /** The run {@code id} of each row of {@code from} was canceled (and so became terminal). */
    static String canceled(String from) {
        return "SELECT pg_notify('" + Notifications.CANCEL + "', CAST(id AS text)), pg_notify('"
                + Notifications.TERMINAL + "', CAST(id AS text)) FROM " + from;
    }

    /** A step of run {@code runId} with cursor key {@code cursorKey} (SQL expressions) was recorded for good. */
    static String progress(String runId, String cursorKey, String from) {
        return "SELECT pg_notify('" + Notifications.PROGRESS + "', CAST(" + runId + " AS text) || ' ' || "
                + cursorKey + ") FROM " + from;
    }
}
