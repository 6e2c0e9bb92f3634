package io.iterativeflow.core.spi;

import java.time.Duration;
import java.util.List;

/**
 * Database notifications, for stores that send them (PostgreSQL {@code NOTIFY}). The store sends one from inside
 * the transaction of each transition below, so it is delivered exactly when the transition commits. Notifications
 * only speed things up: a lost one is found by polling.
 *
 * <p>Channels and payloads (each payload well under 8000 bytes):
 * <ul>
 *   <li>{@value #READY}: the name of a flow one of whose runs became ready now;</li>
 *   <li>{@value #TERMINAL}: the id of a run that became terminal;</li>
 *   <li>{@value #PROGRESS}: a run id, a space and the cursor key of a step that was recorded for good;</li>
 *   <li>{@value #CANCEL}: the id of a run that was canceled.</li>
 * </ul>
 */
public interface Notifications {

    String READY = "flow_ready";
    String TERMINAL = "flow_terminal";
    String PROGRESS = "flow_progress";
    String CANCEL = "flow_cancel";
    List<String> CHANNELS = List.of(READY, TERMINAL, PROGRESS, CANCEL);

    /**
     * Opens a dedicated connection that listens on every channel. {@code name} identifies the connection on the
     * database side (PostgreSQL's {@code application_name}).
     *
     * @throws UnsupportedOperationException when this database or driver cannot listen (then nothing is retried)
     * @throws RuntimeException when the database cannot be reached now (retried with back-off)
     */
    Listening listen(String name);

    /** One open listening connection. Used by one thread only. */
    interface Listening extends AutoCloseable {

        /**
         * Waits up to {@code timeout} for notifications and returns those that arrived (empty when none did).
         *
         * @throws RuntimeException when the connection is broken; close it and listen again
         */
        List<Notification> poll(Duration timeout);

        /** Stops listening and gives the connection back. Never throws. */
        @Override
        void close();
    }

    /** One notification as it arrived. */
    record Notification(String channel, String payload) {
    }
}
